package dev.crossbench.app.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.decide.Decision.Configuration;
import dev.crossbench.app.decide.Decision.Kind;
import dev.crossbench.app.decide.Decision.Latency;
import dev.crossbench.app.decide.Decision.Quality;
import dev.crossbench.app.decide.Decision.Recommendation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Pareto front and the per-budget recommendation on a synthetic table (no models, no timing). */
class RecommenderTest {
    private static final long N = 1_000_000;

    private static Configuration config(String name, Kind kind, int k, Double ndcg, double p95) {
        Quality q = ndcg == null ? null : new Quality(50, ndcg, 0.5, 0.9, null, new double[0]);
        Latency l = new Latency(50, p95 * 0.8, p95, true, "synthetic");
        return new Configuration(name, kind, kind == Kind.CROSS_ALONE ? null : "bi", kind == Kind.TWO_STAGE || kind == Kind.CROSS_ALONE
                ? "ce" : null, k, "engine", "index", q, l, l, false);
    }

    /** exact and HNSW alike in quality, HNSW faster; reranking pays off up to K=50, K=100 adds cost only. */
    private static List<Configuration> table() {
        return Recommender.markPareto(List.of(
                config("bi (exact)", Kind.BI_EXACT, 0, 0.6451, 160),
                config("bi (HNSW)", Kind.BI_HNSW, 0, 0.6449, 9),
                config("bi (HNSW) + ce K=10", Kind.TWO_STAGE, 10, 0.6600, 260),
                config("bi (HNSW) + ce K=20", Kind.TWO_STAGE, 20, 0.6700, 490),
                config("bi (HNSW) + ce K=50", Kind.TWO_STAGE, 50, 0.6790, 800),
                config("bi (HNSW) + ce K=100", Kind.TWO_STAGE, 100, 0.6750, 1600),
                config("ce alone", Kind.CROSS_ALONE, 5183, null, 2.5e7)));
    }

    @Test
    void paretoFrontKeepsOnlyUndominatedPoints() {
        List<Integer> front = Recommender.paretoFront(List.of(new double[] {1, 0.5}, new double[] {2, 0.7}, new double[] {3, 0.6},
                new double[] {2, 0.7}, new double[] {0.5, 0.2}, new double[] {4, Double.NaN}), p -> p[0], p -> p[1]);
        // (3, 0.6) is beaten by (2, 0.7); equal points both stay; NaN quality takes no part.
        assertEquals(List.of(0, 1, 3, 4), front);

        List<Configuration> t = table();
        List<String> onFront = t.stream().filter(Configuration::pareto).map(Configuration::name).toList();
        // exact stays: slower than HNSW but 0.02 points better; K=100 is beaten by K=50; the cross-encoder alone has no quality.
        assertEquals(List.of("bi (exact)", "bi (HNSW)", "bi (HNSW) + ce K=10", "bi (HNSW) + ce K=20", "bi (HNSW) + ce K=50"), onFront);
    }

    @Test
    void aTinyBudgetGetsTheBiEncoderAloneAndTheCostOfMore() {
        Recommendation r = Recommender.recommend(table(), LatencyBudget.parse("50ms"), N);
        assertEquals("bi (HNSW)", r.best());
        assertNull(r.runnerUp(), "nothing else fits in 50 ms");
        assertEquals("bi (exact)", r.upgrade().configuration(), "the cheapest configuration scoring higher");
        assertTrue(r.summary().startsWith("bi (HNSW): nDCG@10 64.49, p95 9 ms at 1,000,000 documents (extrapolated)."), r.summary());
        assertTrue(r.summary().contains("More quality: bi (exact) instead of bi (HNSW): +0.02 nDCG@10, +151 ms."), r.summary());
    }

    @Test
    void aMediumBudgetNamesTheNextDepthAndWhatItCosts() {
        Recommendation r = Recommender.recommend(table(), LatencyBudget.parse("500 ms"), N);
        assertEquals("bi (HNSW) + ce K=20", r.best());
        assertEquals("bi (HNSW) + ce K=10", r.runnerUp());
        assertEquals("K=50 instead of K=20", r.upgrade().phrase());
        assertEquals(0.90, r.upgrade().ndcgGain(), 1e-9);
        assertEquals(310, r.upgrade().extraMillis(), 1e-9);
        assertTrue(r.summary().endsWith("More quality: K=50 instead of K=20: +0.90 nDCG@10, +310 ms."), r.summary());
    }

    @Test
    void aHugeBudgetGetsTheBestQualityAndNothingAboveIt() {
        Recommendation r = Recommender.recommend(table(), LatencyBudget.parse("1h"), N);
        assertEquals("bi (HNSW) + ce K=50", r.best());
        assertEquals("bi (HNSW) + ce K=100", r.runnerUp());
        assertNull(r.upgrade());
        assertTrue(r.summary().contains("nothing measured scores higher"), r.summary());
    }

    @Test
    void whenNothingFitsTheFastestIsNamed() {
        Recommendation r = Recommender.recommend(table(), LatencyBudget.parse("1 ms"), N);
        assertNull(r.best());
        assertEquals("bi (HNSW)", r.fastest());
        assertEquals("nothing measured fits in 1 ms per query (p95) at 1,000,000 documents; the fastest is bi (HNSW) at 9 ms", r.summary());
    }

    @Test
    void aRerankerThatHurtsLeavesTheBiEncoderRecommendedAtEveryBudget() {
        List<Configuration> t = Recommender.markPareto(List.of(
                config("bi (exact)", Kind.BI_EXACT, 0, 0.6451, 160),
                config("bi (HNSW)", Kind.BI_HNSW, 0, 0.6451, 9),
                config("bi (HNSW) + ce K=10", Kind.TWO_STAGE, 10, 0.60, 260),
                config("bi (HNSW) + ce K=50", Kind.TWO_STAGE, 50, 0.55, 1300)));
        for (String b : List.of("50ms", "500ms", "5s")) {
            Recommendation r = Recommender.recommend(t, LatencyBudget.parse(b), N);
            assertEquals("bi (HNSW)", r.best(), b + ": equal quality, the faster");
            assertNull(r.upgrade(), b);
        }
        assertEquals(List.of(false, true, false, false), t.stream().map(Configuration::pareto).toList());
        String rule = Recommender.ruleOfThumb(N, t, List.of(Recommender.recommend(t, LatencyBudget.parse("5s"), N)));
        assertTrue(rule.contains("go two-stage"), rule);
        assertTrue(rule.contains("the rule does not hold on this data (reranking did not beat the bi-encoder alone)"), rule);
        assertFalse(rule.contains("as the rule says"), rule);
    }

    @Test
    void aCrossEncoderAloneMeasuredOnFewerQueriesIsShownNotRanked() {
        Quality few = new Quality(2, 0.95, 1, 1, 0.90, new double[] {0.9, 1.0});
        Latency l = new Latency(2, 900, 1000, false, "timed");
        Configuration alone = new Configuration("ce alone", Kind.CROSS_ALONE, null, "ce", 120, "engine", "none", few, l, l, false);
        List<Configuration> t = new java.util.ArrayList<>(table());
        t.add(alone);
        List<Configuration> marked = Recommender.markPareto(t);
        assertFalse(marked.get(marked.size() - 1).pareto(), "a mean over 2 queries is not compared with means over 50");
        Recommendation r = Recommender.recommend(marked, LatencyBudget.parse("1h"), N);
        assertEquals("bi (HNSW) + ce K=50", r.best());
        assertEquals(6, Recommender.comparable(marked).size(), "neither cross-encoder alone: one unmeasured, one on 2 queries");
    }

    private static Configuration withPerQuery(String name, Kind kind, int k, double[] perQuery, double p95) {
        double mean = java.util.Arrays.stream(perQuery).average().orElseThrow();
        Latency l = new Latency(perQuery.length, p95, p95, false, "synthetic");
        return new Configuration(name, kind, "bi", kind == Kind.TWO_STAGE ? "ce" : null, k, "engine", "index",
                new Quality(perQuery.length, mean, 0.5, 0.9, null, perQuery), l, l, false);
    }

    @Test
    void aGainIsGivenWithItsPairedIntervalAndCalledNoiseWhenItHoldsZero() {
        double[] bi = new double[20];
        double[] steady = new double[20];
        double[] noisy = new double[20];
        for (int i = 0; i < 20; i++) {
            bi[i] = i % 2 == 0 ? 0.4 : 0.6;
            steady[i] = bi[i] + 0.1;
            noisy[i] = bi[i] + (i % 2 == 0 ? 0.45 : -0.4);
        }
        Configuration alone = withPerQuery("bi (HNSW)", Kind.BI_HNSW, 0, bi, 10);
        Recommendation r = Recommender.recommend(Recommender.markPareto(List.of(alone,
                withPerQuery("bi (HNSW) + ce K=10", Kind.TWO_STAGE, 10, steady, 300))), LatencyBudget.parse("1s"), N);
        assertEquals(10.0, r.bestGain().points(), 1e-9);
        assertEquals(10.0, r.bestGain().interval().low(), 1e-9, "every query gains 0.1: no spread");
        assertFalse(r.bestGain().withinNoise());
        assertTrue(r.summary().contains("; +10.00 nDCG@10 over bi (HNSW), the fastest that fits (95% CI +10.00 to +10.00 over 20"
                + " queries)."), r.summary());

        // Half the queries gain 45 points, half lose 40: +2.5 on average, but not measurably. The faster one is recommended.
        List<Configuration> noisyTable = Recommender.markPareto(List.of(alone,
                withPerQuery("bi (HNSW) + ce K=10", Kind.TWO_STAGE, 10, noisy, 300)));
        Recommendation n = Recommender.recommend(noisyTable, LatencyBudget.parse("1s"), N);
        assertEquals("bi (HNSW)", n.best(), n.summary());
        assertEquals("bi (HNSW) + ce K=10", n.runnerUp());
        assertNull(n.bestGain());
        assertEquals(2.5, n.setAside().points(), 1e-9);
        assertTrue(n.setAside().withinNoise(), () -> String.valueOf(n.setAside()));
        assertTrue(n.summary().contains("; the highest measured, bi (HNSW) + ce K=10, is +2.50 nDCG@10 above it (95% CI "), n.summary());
        assertTrue(n.summary().contains(" over 20 queries: within noise) at p95 300 ms: not a measurable gain."), n.summary());
        String rule = Recommender.ruleOfThumb(N, noisyTable, List.of(n));
        assertTrue(rule.endsWith("(reranking did not measurably beat the bi-encoder alone: +2.50 nDCG@10 for bi (HNSW) + ce K=10,"
                + " within noise on 20 queries)."), rule);

        Recommendation tight = Recommender.recommend(Recommender.markPareto(List.of(alone,
                withPerQuery("bi (HNSW) + ce K=10", Kind.TWO_STAGE, 10, noisy, 300))), LatencyBudget.parse("50ms"), N);
        assertNull(tight.upgrade(), "only noise scores higher");
        assertTrue(tight.summary().contains("More quality: nothing measurably higher; bi (HNSW) + ce K=10 instead of bi (HNSW): +2.50"
                + " nDCG@10 (95% CI "), tight.summary());
        assertTrue(tight.summary().endsWith(": within noise), +290 ms."), tight.summary());
    }
}
