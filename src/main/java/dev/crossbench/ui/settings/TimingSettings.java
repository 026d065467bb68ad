package dev.crossbench.ui.settings;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Timing view's inputs, shared with the menu's "Measure timing" command. */
public final class TimingSettings {
    private final StringProperty batchSizes = new SimpleStringProperty("8, 32");
    private final IntegerProperty texts = new SimpleIntegerProperty(256);
    private final IntegerProperty repeats = new SimpleIntegerProperty(3);
    /** Candidates per query for the cross-encoder's rerank cost (the CLI's bench score --depths). */
    private final StringProperty rerankDepths = new SimpleStringProperty("10, 100");

    public StringProperty batchSizesProperty() {
        return batchSizes;
    }

    public IntegerProperty textsProperty() {
        return texts;
    }

    public IntegerProperty repeatsProperty() {
        return repeats;
    }

    public StringProperty rerankDepthsProperty() {
        return rerankDepths;
    }

    /** "8, 32 64" -> [8, 32, 64]; rejects anything that is not a positive whole number. */
    public java.util.List<Integer> parsedBatchSizes() {
        return parse("batch sizes", batchSizes.get(), "8, 32");
    }

    /** The rerank depths K, as {@link #parsedBatchSizes()} reads batch sizes. */
    public int[] parsedRerankDepths() {
        return parse("rerank depths", rerankDepths.get(), "10, 100").stream().mapToInt(Integer::intValue).toArray();
    }

    private static java.util.List<Integer> parse(String what, String text, String example) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int b;
            try {
                b = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": '" + part + "' is not a whole number (write e.g. " + example + ")");
            }
            if (b < 1 || b > 4096) {
                throw new IllegalArgumentException(what + ": " + b + " is outside 1..4096");
            }
            if (!out.contains(b)) {
                out.add(b);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(what + ": give at least one, e.g. " + example);
        }
        return out;
    }
}
