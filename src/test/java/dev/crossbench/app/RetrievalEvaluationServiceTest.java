package dev.crossbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.DataFormatException;
import dev.crossbench.eval.IrMeasure;
import dev.crossbench.eval.MetricAtK;
import dev.crossbench.eval.ScoredDoc;
import dev.crossbench.index.CacheOutcome;
import dev.crossbench.index.EmbeddingStore;
import dev.crossbench.index.HnswParams;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.load.BiEncoderLoader;
import dev.crossbench.search.Reranker;
import dev.crossbench.search.SearchHit;
import dev.crossbench.testutil.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on the project's sample data (420 passages, 48 queries, graded qrels) with all-MiniLM-L6-v2. */
class RetrievalEvaluationServiceTest {
    private static final Path SAMPLE = Path.of("sample-data");
    private static final MetricAtK NDCG10 = IrMeasure.NDCG.at(10);

    @TempDir
    static Path cache;

    static BiEncoder bi;
    static RetrievalData data;
    static RetrievalEvaluationService service;

    @BeforeAll
    static void open() {
        bi = new BiEncoderLoader(TestModels.catalog()).open(TestModels.catalog().resolve("all-MiniLM-L6-v2"), EngineChoice.ONNXRUNTIME);
        data = RetrievalData.read(SAMPLE.resolve("corpus.jsonl"), SAMPLE.resolve("queries.jsonl"), SAMPLE.resolve("qrels.tsv"));
        service = new RetrievalEvaluationService(new CorpusIndexer(new EmbeddingStore(cache, 128)));
    }

    @AfterAll
    static void close() {
        bi.close();
    }

    /** Scores a document by its judged grade for the query: the best possible reranker. */
    static Reranker oracle() {
        Map<String, String> idByText = new HashMap<>();
        data.queries().queries().forEach(q -> idByText.put(q.text(), q.id()));
        Map<String, String> docIdByText = new HashMap<>();
        data.corpus().documents().forEach(d -> docIdByText.put(d.title() + " " + d.text(), d.id()));
        return new Reranker() {
            @Override
            public String name() {
                return "oracle";
            }

            @Override
            public double[] score(String query, List<String> documents) {
                Map<String, Integer> judged = data.qrels().judgements(idByText.get(query));
                return documents.stream().mapToDouble(t -> judged.getOrDefault(docIdByText.get(t), 0)).toArray();
            }
        };
    }

    @Test
    void biEncoderAloneThenCacheHit() {
        RetrievalEvaluation r = service.evaluate(data, bi, null, RetrievalSettings.DEFAULTS, TaskProgress.NONE, () -> false);
        assertEquals(48, r.queriesEvaluated());
        assertEquals(0, r.queriesWithoutJudgements());
        assertEquals(100, r.retrievalDepth());
        // Measured with this model on ONNX Runtime: nDCG@10 0.9264, MRR@10 1.0 on the sample data.
        assertEquals(0.9264, r.firstStage().mean(NDCG10), 0.005);
        assertEquals(1.0, r.firstStage().mean(IrMeasure.MRR.at(10)), 0.02);
        assertTrue(r.twoStage() == null && r.times().rerank() == null);
        assertEquals(48, r.times().encodeQuery().count());

        RetrievalEvaluation again = service.evaluate(data, bi, null, RetrievalSettings.DEFAULTS, TaskProgress.NONE, () -> false);
        assertEquals(CacheOutcome.HIT, again.embeddings().outcome());
        assertEquals(0.0, again.embeddings().encodeSeconds());
        assertEquals(r.firstStage().mean(NDCG10), again.firstStage().mean(NDCG10), 1e-12);
    }

    @Test
    void oracleRerankingSweepsDepthsAndClampsToTheCorpus() {
        RetrievalSettings s = RetrievalSettings.DEFAULTS.withRerankDepth(50).withSweep(List.of(5, 10, 1000));
        RetrievalEvaluation r = service.evaluate(data, bi, oracle(), s, TaskProgress.NONE, () -> false);
        assertEquals(List.of(5, 10, 50, 420), r.sweep().stream().map(RetrievalEvaluation.SweepPoint::depth).toList());
        assertTrue(r.notes().get(0).contains("sweep depth(s) [1000] exceed the corpus (420 documents)"), r.notes().toString());
        assertEquals(420, r.retrievalDepth());
        // Reranking everything by the judgements is the ideal ranking.
        assertEquals(1.0, r.sweep().get(3).evaluation().mean(NDCG10), 1e-12);
        double previous = r.firstStage().mean(NDCG10);
        for (RetrievalEvaluation.SweepPoint p : r.sweep()) {
            assertTrue(p.evaluation().mean(NDCG10) >= previous - 1e-12, "nDCG grows with K under an oracle at K=" + p.depth());
            previous = p.evaluation().mean(NDCG10);
        }
        assertEquals(r.sweep().get(2).evaluation().mean(NDCG10), r.twoStage().mean(NDCG10), 1e-12);
        // Cumulative timing: scoring more candidates never takes less time.
        assertTrue(r.sweep().get(3).rerank().meanNanos() >= r.sweep().get(0).rerank().meanNanos());
    }

    @Test
    void hnswFirstStageMatchesExactOnASmallCorpus() {
        RetrievalSettings s = RetrievalSettings.DEFAULTS.withIndex(IndexChoice.hnsw(HnswParams.DEFAULTS));
        RetrievalEvaluation hnsw = service.evaluate(data, bi, null, s, TaskProgress.NONE, () -> false);
        RetrievalEvaluation exact = service.evaluate(data, bi, null, RetrievalSettings.DEFAULTS, TaskProgress.NONE, () -> false);
        assertEquals(exact.firstStage().mean(NDCG10), hnsw.firstStage().mean(NDCG10), 0.005);
        assertTrue(hnsw.index().startsWith("hnsw(M=16"), hnsw.index());
        assertTrue(Files.exists(cache.resolve("all-MiniLM-L6-v2")), "graph and embeddings share the cache folder");
    }

    @Test
    void theRerankedPrefixIsFollowedByTheRestOfTheFirstStage() {
        List<SearchHit> hits = List.of(new SearchHit(0, "a", 0.9f, 1, Double.NaN, 1), new SearchHit(1, "b", 0.8f, 2, Double.NaN, 2),
                new SearchHit(2, "c", 0.7f, 3, Double.NaN, 3));
        List<ScoredDoc> run = RetrievalEvaluationService.twoStageRun(hits, new double[] {0.1, 0.5, 0}, 2);
        assertEquals(List.of("b", "a", "c"), run.stream().map(ScoredDoc::id).toList());
        assertTrue(run.get(0).score() > run.get(1).score() && run.get(1).score() > run.get(2).score());
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        RetrievalSettings sweepOnly = RetrievalSettings.DEFAULTS.withSweep(List.of(10));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> service.evaluate(data, bi, null, sweepOnly, TaskProgress.NONE, () -> false)).getMessage().contains("cross-encoder"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> RetrievalData.read(SAMPLE.resolve("corpus.jsonl"),
                SAMPLE.resolve("queries.jsonl"), dev.crossbench.testutil.SharedData.scifact("qrels/test.tsv")));
        assertTrue(e.getMessage().contains("none of the 48 queries has a judgement"), e.getMessage());
    }
}
