package dev.crossbench.ui.workspace;

import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.model.EncodeOptions;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.cross.ScoreActivation;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A bi- or cross-encoder the user has chosen, with the options the Models view edits. Starts from
 * the model's own defaults; {@link #spec()} freezes the current values for a background task.
 * Pooling, normalisation and prompts apply to bi-encoders only, the activation to cross-encoders.
 */
public final class ModelChoice {
    /** sentence-transformers' CrossEncoder batch size, and the CLI's for --cross. */
    public static final int CROSS_BATCH_SIZE = ModelSpec.CROSS_BATCH_SIZE;

    private final ModelDescriptor descriptor;
    private final ModelKind kind;
    private final ObjectProperty<ScoreActivation> activation = new SimpleObjectProperty<>(ScoreActivation.SIGMOID);
    private final BooleanProperty selected = new SimpleBooleanProperty(true);
    private final ObjectProperty<EngineChoice> engine = new SimpleObjectProperty<>(EngineChoice.AUTO);
    private final IntegerProperty batchSize;
    private final IntegerProperty maxSeqLength;
    private final ObjectProperty<PoolingMode> pooling;
    private final BooleanProperty normalize;
    private final StringProperty queryPrompt;
    private final StringProperty documentPrompt;
    private final StringProperty pairPrompt;

    /** A bi-encoder. */
    public ModelChoice(ModelDescriptor descriptor) {
        this(ResolvedModel.bi(descriptor));
    }

    public ModelChoice(ResolvedModel model) {
        this.descriptor = model.descriptor();
        this.kind = model.kind();
        EncodeOptions d = descriptor.defaults();
        batchSize = new SimpleIntegerProperty(kind == ModelKind.CROSS ? CROSS_BATCH_SIZE : d.batchSize());
        maxSeqLength = new SimpleIntegerProperty(model.defaultMaxLength());
        pooling = new SimpleObjectProperty<>(d.pooling());
        normalize = new SimpleBooleanProperty(d.normalize());
        queryPrompt = new SimpleStringProperty(d.queryPrompt());
        documentPrompt = new SimpleStringProperty(d.documentPrompt());
        pairPrompt = new SimpleStringProperty(d.pairPrompt());
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    public String name() {
        return descriptor.name();
    }

    public ModelKind kind() {
        return kind;
    }

    public boolean isCross() {
        return kind == ModelKind.CROSS;
    }

    /** The longest input the model's position embeddings allow. */
    public int maxPositions() {
        return descriptor.config().maxPositionEmbeddings();
    }

    public ModelSpec spec() {
        EncodeOptions o = new EncodeOptions(pooling.get(), normalize.get(), maxSeqLength.get(), batchSize.get(),
                queryPrompt.get(), documentPrompt.get(), pairPrompt.get());
        return new ModelSpec(kind, descriptor, engine.get(), o, activation.get());
    }

    public ObjectProperty<ScoreActivation> activationProperty() {
        return activation;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public ObjectProperty<EngineChoice> engineProperty() {
        return engine;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty maxSeqLengthProperty() {
        return maxSeqLength;
    }

    public ObjectProperty<PoolingMode> poolingProperty() {
        return pooling;
    }

    public BooleanProperty normalizeProperty() {
        return normalize;
    }

    public StringProperty queryPromptProperty() {
        return queryPrompt;
    }

    public StringProperty documentPromptProperty() {
        return documentPrompt;
    }

    public StringProperty pairPromptProperty() {
        return pairPrompt;
    }

    @Override
    public String toString() {
        return name();
    }
}
