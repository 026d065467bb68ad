package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbench.data.Qrels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed cases; the formulas are trec_eval's (gain = grade, discount log2(rank + 1)). */
class IrMetricsTest {
    private static final double EPS = 1e-9;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    // d1 grade 2, d2 and d5 grade 1 (d5 is never retrieved), d3 judged not relevant.
    private static final Map<String, Integer> JUDGED = judged("d1", 2, "d2", 1, "d3", 0, "d5", 1);
    // d1 and d4 tie at 0.8: trec_eval puts the larger id first, so the order is d3, d4, d1, d2.
    private static final List<ScoredDoc> RUN = List.of(new ScoredDoc("d3", 0.9), new ScoredDoc("d1", 0.8),
            new ScoredDoc("d4", 0.8), new ScoredDoc("d2", 0.5));

    @Test
    void tiesAreBrokenByDocumentIdDescending() {
        assertEquals(List.of("d3", "d4", "d1", "d2"), IrMetrics.rank(RUN));
        assertEquals(List.of("b", "a"), IrMetrics.rank(List.of(new ScoredDoc("a", 1), new ScoredDoc("b", 1))));
    }

    @Test
    void ndcgUsesLinearGradesAndTheIdealFromAllJudgements() {
        List<String> ranked = IrMetrics.rank(RUN);
        // Ideal: grades 2, 1, 1 at ranks 1..3 = 2/1 + 1/log2(3) + 1/2 = 3.1309297535714578.
        double ideal = 2 + 1 / LOG2_3 + 0.5;
        // d1 (grade 2) at rank 3: 2 / log2(4) = 1.
        assertEquals(1 / ideal, IrMetrics.ndcg(ranked, JUDGED, 3), EPS);
        assertEquals(0.31939394323979897, IrMetrics.ndcg(ranked, JUDGED, 3), EPS);
        // Fewer than k retrieved: d2 (grade 1) at rank 4 adds 1 / log2(5).
        assertEquals((1 + 1 / LOG2_5) / ideal, IrMetrics.ndcg(ranked, JUDGED, 10), EPS);
        assertEquals(0.4569494273838043, IrMetrics.ndcg(ranked, JUDGED, 10), EPS);
        // A perfect ranking scores 1.
        assertEquals(1.0, IrMetrics.ndcg(List.of("d1", "d2", "d5"), JUDGED, 10), EPS);
        // Two grade-1 documents of 1 ideal slot at k=1: a grade-1 hit scores 1/2 against the grade-2 ideal.
        assertEquals(0.5, IrMetrics.ndcg(List.of("d2"), JUDGED, 1), EPS);
    }

    @Test
    void reciprocalRankIsCutAtK() {
        List<String> ranked = IrMetrics.rank(RUN);
        assertEquals(1.0 / 3, IrMetrics.reciprocalRank(ranked, JUDGED, 10), EPS);
        assertEquals(0.0, IrMetrics.reciprocalRank(ranked, JUDGED, 2), EPS);
    }

    @Test
    void recallAndMapDivideByAllRelevantDocuments() {
        List<String> ranked = IrMetrics.rank(RUN);
        assertEquals(1.0 / 3, IrMetrics.recall(ranked, JUDGED, 3), EPS);
        assertEquals(2.0 / 3, IrMetrics.recall(ranked, JUDGED, 100), EPS);
        // Relevant at ranks 3 and 4: (1/3 + 2/4) / 3 relevant documents.
        assertEquals((1.0 / 3 + 2.0 / 4) / 3, IrMetrics.averagePrecision(ranked, JUDGED, 100), EPS);
        assertEquals(0.2777777777777778, IrMetrics.averagePrecision(ranked, JUDGED, 10), EPS);
        assertEquals((1.0 / 3) / 3, IrMetrics.averagePrecision(ranked, JUDGED, 3), EPS);
    }

    @Test
    void precisionDividesByKEvenWhenFewerWereRetrieved() {
        List<String> ranked = IrMetrics.rank(RUN);
        assertEquals(1.0 / 3, IrMetrics.precision(ranked, JUDGED, 3), EPS);
        assertEquals(0.2, IrMetrics.precision(ranked, JUDGED, 10), EPS);
    }

    @Test
    void aQueryWithNoRelevantDocumentScoresZero() {
        Map<String, Integer> none = judged("x", 0);
        for (IrMeasure m : IrMeasure.values()) {
            assertEquals(0.0, IrMetrics.value(m.at(10), List.of("x", "y"), none), EPS, m.label());
        }
    }

    @Test
    void evaluateSkipsUnjudgedQueriesAndDropsSelfHits() {
        Map<String, Map<String, Integer>> q = new LinkedHashMap<>();
        q.put("q1", JUDGED);
        q.put("q2", judged("a", 1));
        Qrels qrels = new Qrels(null, q);
        Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
        run.put("q1", RUN);
        // q2 retrieves itself first: BEIR ignores that hit, so "a" moves to rank 1.
        run.put("q2", List.of(new ScoredDoc("q2", 0.99), new ScoredDoc("a", 0.5)));
        run.put("q3", List.of(new ScoredDoc("a", 0.5)));
        List<MetricAtK> metrics = List.of(IrMeasure.NDCG.at(10), IrMeasure.MRR.at(10), IrMeasure.PRECISION.at(1));
        IrEvaluation e = IrMetrics.evaluate(qrels, run, metrics, true);
        assertEquals(2, e.evaluatedQueries());
        assertEquals(List.of("q3"), e.skippedQueries());
        assertEquals(1.0, e.perQuery("q2", IrMeasure.MRR.at(10)), EPS);
        assertEquals((0.4569494273838043 + 1.0) / 2, e.mean(IrMeasure.NDCG.at(10)), EPS);
        assertEquals((1.0 / 3 + 1.0) / 2, e.mean(IrMeasure.MRR.at(10)), EPS);
        assertEquals(0.5, e.mean(IrMeasure.PRECISION.at(1)), EPS);

        IrEvaluation kept = IrMetrics.evaluate(qrels, run, metrics, false);
        assertEquals(0.5, kept.perQuery("q2", IrMeasure.MRR.at(10)), EPS);
        assertThrows(IllegalArgumentException.class, () -> e.mean(IrMeasure.MAP.at(10)));
    }

    @Test
    void parsesMetricNames() {
        assertEquals(IrMeasure.NDCG.at(10), MetricAtK.parse("ndcg@10"));
        assertEquals(IrMeasure.MAP.at(100), MetricAtK.parse("MAP@100"));
        assertEquals("Recall@100", MetricAtK.parse("recall@100").label());
    }

    private static Map<String, Integer> judged(Object... idGrade) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < idGrade.length; i += 2) {
            m.put((String) idGrade[i], (Integer) idGrade[i + 1]);
        }
        return m;
    }
}
