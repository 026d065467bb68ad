package dev.crossbench.ui.settings;

import dev.crossbench.app.DedupSettings;
import java.nio.file.Path;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Dedup view's inputs as typed; {@link #toSettings()} and {@link #parsedGoldMinScore()} check them (one line each). */
public final class DedupRunSettings {
    /** Where the texts come from. */
    public enum Source {
        PAIRS("Sentences of the loaded pairs"), CORPUS("Loaded corpus");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.PAIRS);
    /** The bi-encoder's name among the chosen models; blank for the first ticked one. */
    private final StringProperty model = new SimpleStringProperty("");
    /** Lower than the default accept threshold, so the slider has room to go down without a new run. */
    private final StringProperty candidateThreshold = new SimpleStringProperty("0.75");
    private final IntegerProperty topK = new SimpleIntegerProperty(DedupSettings.DEFAULTS.topK());
    private final StringProperty goldMinScore = new SimpleStringProperty("4.0");
    /** A gold pairs file; null for the loaded pairs' own scores (when they are the input) or no gold. */
    private final ObjectProperty<Path> goldFile = new SimpleObjectProperty<>();

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty candidateThresholdProperty() {
        return candidateThreshold;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    public StringProperty goldMinScoreProperty() {
        return goldMinScore;
    }

    public ObjectProperty<Path> goldFileProperty() {
        return goldFile;
    }

    /** Candidates down to the typed threshold; accepted at the default 0.85 (or the candidate threshold when higher). */
    public DedupSettings toSettings() {
        double candidates = number(candidateThreshold.get(), "candidate threshold");
        DedupSettings d = DedupSettings.DEFAULTS;
        return d.withThresholds(Math.max(d.threshold(), Math.min(candidates, 1)), d.crossThreshold(), candidates).withTopK(topK.get());
    }

    public double parsedGoldMinScore() {
        return number(goldMinScore.get(), "gold min score");
    }

    private static double number(String text, String field) {
        String t = text == null ? "" : text.strip();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the field's name
        }
        throw new IllegalArgumentException(field + " '" + t + "' is not a number");
    }
}
