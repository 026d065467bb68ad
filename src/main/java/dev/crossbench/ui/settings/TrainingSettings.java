package dev.crossbench.ui.settings;

import dev.crossbench.app.ModelKind;
import dev.crossbench.train.TrainingOptions;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Training view's form, shared with the Models view's "Train a cross-encoder…" (which presets
 * kind and base) and with the action that starts the run. Defaults are the CLI's
 * ({@link TrainingOptions#defaults()}); numbers typed as text are checked when training starts.
 */
public final class TrainingSettings {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ObjectProperty<ModelKind> kind = new SimpleObjectProperty<>(ModelKind.CROSS);
    private final StringProperty base = new SimpleStringProperty(WorkbenchPrefs.DEFAULT_MODEL);
    private final StringProperty trainFile = new SimpleStringProperty("");
    private final StringProperty devFile = new SimpleStringProperty("");
    private final IntegerProperty epochs;
    private final IntegerProperty batchSize;
    private final StringProperty learningRate;
    private final StringProperty warmup;
    private final IntegerProperty maxLength;
    private final IntegerProperty seed;
    private final BooleanProperty symmetricPairs;
    private final BooleanProperty trainWordEmbeddings;
    private final StringProperty output = new SimpleStringProperty("");

    public TrainingSettings() {
        TrainingOptions d = TrainingOptions.defaults();
        epochs = new SimpleIntegerProperty(d.epochs());
        batchSize = new SimpleIntegerProperty(d.batchSize());
        learningRate = new SimpleStringProperty(String.format(Locale.ROOT, "%.0e", d.learningRate()).replace("e-0", "e-"));
        warmup = new SimpleStringProperty(Double.toString(d.warmupFraction()));
        maxLength = new SimpleIntegerProperty(d.maxSeqLength());
        seed = new SimpleIntegerProperty((int) d.seed());
        symmetricPairs = new SimpleBooleanProperty(d.symmetricPairs());
        trainWordEmbeddings = new SimpleBooleanProperty(d.trainWordEmbeddings());
    }

    /** The options as typed; an unreadable or out-of-range value throws with a message for the error bar. */
    public TrainingOptions options() {
        double lr = number("learning rate", learningRate.get());
        double warm = number("warm-up fraction", warmup.get());
        return TrainingOptions.builder().epochs(epochs.get()).batchSize(batchSize.get()).learningRate(lr).warmupFraction(warm)
                .seed(seed.get()).bf16(false).maxSeqLength(maxLength.get()).trainWordEmbeddings(trainWordEmbeddings.get())
                .symmetricPairs(symmetricPairs.get()).build();
    }

    private static double number(String what, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a number (write e.g. 2e-5 or 0.1)");
        }
    }

    public Path trainPath() {
        return file("training pairs", trainFile.get());
    }

    public Path devPath() {
        return file("dev pairs", devFile.get());
    }

    private static Path file(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + ": no file chosen (a CSV/TSV/JSONL of labeled pairs)");
        }
        return Path.of(text.strip());
    }

    /** The folder typed, else {@code <trainedRoot>/<base>-<kind>-<timestamp>}. */
    public Path outputFolder(Path trainedRoot, LocalDateTime now) {
        String typed = output.get();
        if (typed != null && !typed.isBlank()) {
            return Path.of(typed.strip());
        }
        return trainedRoot.resolve(defaultName(now));
    }

    String defaultName(LocalDateTime now) {
        return namePrefix() + STAMP.format(now);
    }

    /** What the default folder will be called, for the output field's prompt. */
    public String defaultNamePreview() {
        return namePrefix() + "<date>-<time>";
    }

    /** The base model's last path segment (a hub id's name, a folder's name) and the kind. */
    private String namePrefix() {
        String b = base.get() == null ? "" : base.get().strip();
        String last = b.isEmpty() ? "model" : b.substring(Math.max(b.lastIndexOf('/'), b.lastIndexOf('\\')) + 1);
        return (last.isEmpty() ? "model" : last).replaceAll("[^A-Za-z0-9._-]+", "_") + "-"
                + (kind.get() == ModelKind.CROSS ? "cross" : "bi") + "-";
    }

    public ObjectProperty<ModelKind> kindProperty() {
        return kind;
    }

    public StringProperty baseProperty() {
        return base;
    }

    public StringProperty trainFileProperty() {
        return trainFile;
    }

    public StringProperty devFileProperty() {
        return devFile;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public StringProperty warmupProperty() {
        return warmup;
    }

    public IntegerProperty maxLengthProperty() {
        return maxLength;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public BooleanProperty symmetricPairsProperty() {
        return symmetricPairs;
    }

    public BooleanProperty trainWordEmbeddingsProperty() {
        return trainWordEmbeddings;
    }

    /** Blank: the default folder under the Crossbench cache. */
    public StringProperty outputProperty() {
        return output;
    }
}
