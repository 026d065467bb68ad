package dev.crossbench.ui.settings;

import dev.crossbench.app.BiEncoderPairResult;
import dev.crossbench.app.CorrelationIntervals;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.eval.Histogram;
import dev.crossbench.eval.LinearFit;
import dev.crossbench.eval.PairCorrelations;
import dev.crossbench.eval.ScoreCorrelation;
import dev.crossbench.eval.SimilarityFunction;
import dev.crossbench.model.encode.EncodeStats;
import dev.crossbench.ui.workspace.ModelPairResult;
import java.util.EnumMap;
import java.util.Map;

/**
 * One model's result of a pair comparison in the shape a saved session stores it: every value the
 * comparison computed (scores per pair, correlations, intervals, fit, histogram, encode timings), so a
 * restart shows it without running the model. {@link PairCorrelations} is flattened (gold, scores per
 * similarity function or the directly predicted ones) because it is not a plain record.
 */
public record SavedModelResult(ModelSpec spec, String model, String kind, String engine, double[] gold,
        Map<SimilarityFunction, ScoreCorrelation> bySimilarity, ScoreCorrelation predicted, int uniqueSentences,
        double encodeSeconds, double sentencesPerSecond, EncodeStats stats, CorrelationIntervals intervals,
        LinearFit fit, Histogram histogram) {

    public static SavedModelResult of(ModelPairResult r) {
        BiEncoderPairResult b = r.result();
        PairCorrelations c = b.correlations();
        return new SavedModelResult(r.spec(), b.model(), b.kind(), b.engine(), c.gold(), c.bySimilarity(),
                c.predicted().orElse(null), b.uniqueSentences(), b.encodeSeconds(), b.sentencesPerSecond(), b.stats(),
                r.intervals(), r.fit(), r.histogram());
    }

    /** Fails (IllegalArgumentException, NullPointerException) on a saved result that is incomplete or inconsistent. */
    public ModelPairResult toResult() {
        Map<SimilarityFunction, ScoreCorrelation> similarities = new EnumMap<>(SimilarityFunction.class);
        if (bySimilarity != null) {
            similarities.putAll(bySimilarity);
        }
        PairCorrelations correlations = PairCorrelations.restored(gold, similarities, predicted);
        BiEncoderPairResult result = new BiEncoderPairResult(model, kind, engine, correlations, uniqueSentences,
                encodeSeconds, sentencesPerSecond, stats);
        if (spec == null || intervals == null || fit == null || histogram == null) {
            throw new IllegalArgumentException("the saved result of " + model + " is incomplete");
        }
        return new ModelPairResult(spec, result, intervals, fit, histogram);
    }
}
