package dev.crossbench.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Timing view's inputs, shared with the menu's "Measure timing" command. */
public final class TimingSettings {
    private final StringProperty batchSizes = new SimpleStringProperty("8, 32");
    private final IntegerProperty texts = new SimpleIntegerProperty(256);
    private final IntegerProperty repeats = new SimpleIntegerProperty(3);

    public StringProperty batchSizesProperty() {
        return batchSizes;
    }

    public IntegerProperty textsProperty() {
        return texts;
    }

    public IntegerProperty repeatsProperty() {
        return repeats;
    }

    /** "8, 32 64" -> [8, 32, 64]; rejects anything that is not a positive whole number. */
    public java.util.List<Integer> parsedBatchSizes() {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (String part : batchSizes.get().split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int b;
            try {
                b = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("batch sizes: '" + part + "' is not a whole number (write e.g. 8, 32, 64)");
            }
            if (b < 1 || b > 4096) {
                throw new IllegalArgumentException("batch sizes: " + b + " is outside 1..4096");
            }
            if (!out.contains(b)) {
                out.add(b);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("batch sizes: give at least one, e.g. 8, 32");
        }
        return out;
    }
}
