package dev.crossbench.train.eval;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairDataset;
import dev.crossbench.eval.Correlation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Spearman (primary) and Pearson correlation of the model's scores with the dev pairs' gold scores. */
public final class CorrelationEvaluator implements Evaluator {
    public static final String SPEARMAN = "dev Spearman";
    public static final String PEARSON = "dev Pearson";

    private final PairDataset dev;

    public CorrelationEvaluator(PairDataset dev) {
        this.dev = dev;
    }

    @Override
    public String primaryMetric() {
        return SPEARMAN;
    }

    @Override
    public Map<String, Double> evaluate(Function<List<LabeledPair>, double[]> scorer) {
        double[] gold = dev.scores();
        double[] predicted = scorer.apply(dev.pairs());
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(SPEARMAN, Correlation.spearman(predicted, gold));
        m.put(PEARSON, Correlation.pearson(predicted, gold));
        return m;
    }
}
