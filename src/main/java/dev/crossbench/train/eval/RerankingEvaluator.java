package dev.crossbench.train.eval;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.RankingGroup;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Mean nDCG@10 of reranking each dev query's candidates ({@link GroupRankingMetric}); for ranking-trained runs. */
public final class RerankingEvaluator implements Evaluator {
    private final List<RankingGroup> dev;

    public RerankingEvaluator(List<RankingGroup> dev) {
        this.dev = dev;
    }

    @Override
    public String primaryMetric() {
        return GroupRankingMetric.NAME;
    }

    @Override
    public Map<String, Double> evaluate(Function<List<LabeledPair>, double[]> scorer) {
        return Map.of(GroupRankingMetric.NAME, GroupRankingMetric.ndcgAt10(dev, scorer));
    }
}
