package dev.crossbench.ui.settings;

import dev.crossbench.app.IndexChoice;
import dev.crossbench.index.HnswParams;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Retrieval view's inputs, shared with the menu's "Evaluate retrieval" command. */
public final class RetrievalRunSettings {
    public static final int MIN_K = 10;
    public static final int MAX_K = 1000;

    private final ObjectProperty<IndexChoice.Kind> index = new SimpleObjectProperty<>(IndexChoice.Kind.EXACT);
    private final IntegerProperty k = new SimpleIntegerProperty(100);
    private final StringProperty sweep = new SimpleStringProperty("10, 20, 50, 100");

    public ObjectProperty<IndexChoice.Kind> indexProperty() {
        return index;
    }

    public IndexChoice indexChoice() {
        return index.get() == IndexChoice.Kind.HNSW ? IndexChoice.hnsw(HnswParams.DEFAULTS) : IndexChoice.EXACT;
    }

    /** K: how many candidates the cross-encoder reranks, and the cutoff of Recall@K and MAP@K. */
    public IntegerProperty kProperty() {
        return k;
    }

    public StringProperty sweepProperty() {
        return sweep;
    }

    /** "10, 20 50" -> [10, 20, 50], ascending, repeats dropped; empty for none; rejects what is not a depth. */
    public List<Integer> parsedSweep() {
        return parseDepths(sweep.get());
    }

    /** As {@link #parsedSweep()} for any text of rerank depths (the Decide view's too). */
    public static List<Integer> parseDepths(String text) {
        TreeSet<Integer> depths = new TreeSet<>();
        for (String part : text == null ? new String[0] : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int d;
            try {
                d = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rerank depths: '" + part + "' is not a whole number (write e.g. 10, 20, 50, 100)");
            }
            if (d < 1 || d > MAX_K) {
                throw new IllegalArgumentException("rerank depths: " + d + " is outside 1.." + MAX_K);
            }
            depths.add(d);
        }
        return new ArrayList<>(depths);
    }
}
