package dev.crossbench.ui.workspace;

import dev.crossbench.app.BiEncoderPairResult;
import dev.crossbench.app.CorrelationIntervals;
import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.eval.Histogram;
import dev.crossbench.eval.LinearFit;
import dev.crossbench.eval.ScoreCorrelation;

/**
 * One model's scores on the loaded pairs: the service's result (headline score: the cosine of a
 * bi-encoder's embeddings, or a cross-encoder's predicted score) plus
 * what the Pairs view draws from it: bootstrap intervals, the least-squares line of predicted on
 * gold, and the histogram of predicted scores.
 */
public record ModelPairResult(ModelSpec spec, BiEncoderPairResult result, CorrelationIntervals intervals,
        LinearFit fit, Histogram histogram) {

    public static final int HISTOGRAM_BINS = 24;

    public String name() {
        return result.model();
    }

    public ModelKind kind() {
        return spec.kind();
    }

    /** What the predicted score is: "cosine similarity" or "cross-encoder score". */
    public String scoreName() {
        return spec.kind().scoreName();
    }

    /** The CLI's label of the headline score: eval-pairs prints "cosine" or "score". */
    public String function() {
        return spec.isCross() ? "score" : "cosine";
    }

    /** Texts encoded (bi-encoder) or pairs scored (cross-encoder) to get the scores. */
    public String unitsScored() {
        return spec.isCross() ? "pairs" : "sentences";
    }

    public ScoreCorrelation main() {
        return result.correlations().main();
    }

    public double[] predicted() {
        return main().predicted();
    }

    public double pearson() {
        return main().pearson();
    }

    public double spearman() {
        return main().spearman();
    }
}
