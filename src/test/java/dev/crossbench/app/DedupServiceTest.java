package dev.crossbench.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.Document;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.data.GoldPairs;
import dev.crossbench.data.GoldPairsReader;
import dev.crossbench.data.PairReader;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.CandidateSearch;
import dev.crossbench.dedup.Clusters;
import dev.crossbench.dedup.PairCounts;
import dev.crossbench.index.EmbeddingStore;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.testutil.SharedData;
import dev.crossbench.testutil.TestModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deduplication with the real all-MiniLM-L6-v2 (ONNX Runtime) on the first 40 pairs of STS-B test (72 distinct
 * sentences, 10 pairs scored >= 4): the figures below were measured once and pin the behaviour down.
 */
class DedupServiceTest {
    @TempDir
    static Path dir;

    private static BiEncoder bi;
    private static DedupService service;
    private static DedupInput input;
    private static Path pairsFile;

    @BeforeAll
    static void open() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.stsb("test"), StandardCharsets.UTF_8).subList(0, 40);
        pairsFile = Files.write(dir.resolve("sts-test-40.tsv"), lines, StandardCharsets.UTF_8); // a temp cut, read in place
        input = DedupInput.of(DedupService.sentencesOf(PairReader.read(pairsFile)), DocumentFormat.TEXT_ONLY);
        ModelService models = new ModelService(TestModels.catalog());
        bi = models.openBiEncoder("all-MiniLM-L6-v2", EngineChoice.ONNXRUNTIME, EncodeOverrides.NONE);
        service = new DedupService(new CorpusIndexer(new EmbeddingStore(dir.resolve("embeddings"), 512)));
    }

    @AfterAll
    static void close() {
        if (bi != null) {
            bi.close();
        }
    }

    private static DedupSettings settings(double threshold, double candidates) {
        return DedupSettings.DEFAULTS.withThresholds(threshold, 0.5, candidates);
    }

    private static Set<String> idPairs(DedupResult r, List<CandidatePair> pairs) {
        return pairs.stream().map(p -> r.input().id(r.groups().firstRow(p.a())) + "~" + r.input().id(r.groups().firstRow(p.b())))
                .collect(Collectors.toSet());
    }

    @Test
    void exactPathFindsTheKnownParaphrasesAndScoresAgainstGold() {
        DedupResult r = service.run(input, bi, null, settings(0.85, 0.70), TaskProgress.NONE, () -> false);
        assertEquals(72, r.rows());
        assertEquals(72, r.groups().groups());
        assertEquals(CandidateSearch.Method.EXACT, r.candidates().method());
        assertEquals(72 * 71 / 2, r.comparisons());
        assertEquals(r.allPairCount(), r.comparisons());
        assertTrue(r.allPairs().whole());
        assertEquals(50, r.pairs().size(), "candidates at cosine >= 0.70, top 10 each");
        List<CandidatePair> accepted = r.accepted(r.rule());
        assertEquals(19, accepted.size());
        Set<String> found = idPairs(r, accepted);
        // "A man is cutting an onion." ~ "A man cuts an onion." (gold 5.0) and the ankle pair (gold 5.0).
        assertTrue(found.containsAll(List.of("s21~s22", "s5~s6", "s39~s40", "s70~s71")), found.toString());
        CandidatePair onion = accepted.stream().filter(p -> idPairs(r, List.of(p)).contains("s21~s22")).findFirst().orElseThrow();
        assertEquals(0.9795, onion.biScore(), 0.002);

        // Clusters: connected components; three guitar sentences chain into one.
        Clusters c = r.clusters(r.rule());
        assertEquals(13, c.list().size());
        assertEquals(3, c.largest());
        assertEquals(29, c.clusteredRows());
        assertTrue(r.clusterRows(c).stream().anyMatch(row -> row.ids().equals(List.of("s16", "s17", "s19"))));

        GoldPairs gold = GoldPairsReader.read(pairsFile, 4.0);
        DedupEvaluation e = DedupEvaluation.evaluate(r, gold, List.of(AcceptRule.biOnly(0.70), AcceptRule.biOnly(0.85)));
        assertEquals(10, e.gold().size());
        assertEquals(10, e.reachable());
        assertEquals(new PairCounts(50, 10, 10, 19), e.rows().get(0).pairs());
        PairCounts at85 = e.rows().get(1).pairs();
        assertEquals(new PairCounts(19, 10, 9, 9), at85);
        assertEquals(1.0, at85.judgedPrecision());
        assertEquals(0.9, at85.recall(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> r.accepted(AcceptRule.biOnly(0.65)), "below the candidate threshold");
    }

    @Test
    void hnswPathGivesTheSameCandidatesOnASmallInputAndCountsItsWork() {
        DedupResult exact = service.run(input, bi, null, settings(0.85, 0.70), TaskProgress.NONE, () -> false);
        DedupResult hnsw = service.run(input, bi, null, settings(0.85, 0.70).withIndex(DedupSettings.IndexMode.HNSW,
                DedupService.HNSW_DEFAULTS).withAllPairsSample(40), TaskProgress.NONE, () -> false);
        assertEquals(CandidateSearch.Method.HNSW, hnsw.candidates().method());
        assertEquals(idPairs(exact, exact.pairs()), idPairs(hnsw, hnsw.pairs()));
        // 72 vectors are fewer than efConstruction: the graph compares more than all pairs here; it pays off at scale.
        assertTrue(hnsw.comparisons() > 0);
        assertEquals(40, hnsw.allPairs().texts());
        assertEquals(40 * 39 / 2, hnsw.allPairs().comparisons());
        assertTrue(!hnsw.allPairs().whole());
    }

    /** Ten rotated copies of the 72 real vectors: each copy repeats the 50 candidate pairs, and no pair spans two copies. */
    @Test
    void benchmarkExpandsWithRotatedCopies() {
        DedupBenchmark.Result r = new DedupBenchmark(service).run(input, bi, settings(0.70, 0.70).withIndex(
                DedupSettings.IndexMode.HNSW, DedupService.HNSW_DEFAULTS).withAllPairsSample(100), 720, true, 42,
                TaskProgress.NONE, () -> false);
        assertEquals(72, r.realVectors());
        assertEquals(720, r.vectors());
        assertEquals(500, r.bruteForce().pairs().size());
        assertEquals(720L * 719 / 2, r.bruteForce().comparisons());
        assertTrue(r.candidateRecall() >= 0.99, "HNSW found " + r.candidateRecall());
        assertEquals(100, r.sample().texts());
    }

    @Test
    void identicalTextsAreGroupedEncodedOnceAndClustered() {
        List<Document> docs = new ArrayList<>();
        String[] texts = {"A man is cutting an onion.", "A woman dances in the rain.", "A man is cutting an onion.",
            "A man cuts an onion.", "A man is cutting an onion.", "The stock market fell sharply today."};
        for (int i = 0; i < texts.length; i++) {
            docs.add(new Document("d" + i, "", texts[i]));
        }
        DedupInput in = DedupInput.of(new Corpus(null, docs), DocumentFormat.TEXT_ONLY);
        DedupResult r = service.run(in, bi, null, settings(0.85, 0.85), TaskProgress.NONE, () -> false);
        assertEquals(4, r.groups().groups());
        assertEquals(2, r.groups().copies());
        assertEquals(6, r.comparisons(), "4 distinct texts: 6 pairs compared, the copies by hashing");
        assertEquals(15, r.allPairCount());
        Clusters c = r.clusters(r.rule());
        assertEquals(1, c.list().size());
        assertArrayEquals(new int[] {0, 2, 3, 4}, c.list().get(0).rows());
        assertEquals(List.of("d0~d2", "d0~d4", "d0~d3"), r.pairRows(r.rule()).stream().map(p -> p.id1() + "~" + p.id2()).toList());
    }

    @Test
    void inputsWithNothingToCompareNeedNoModel() {
        DedupInput same = DedupInput.of(new Corpus(null, List.of(new Document("a", "", "x y"), new Document("b", "", "x y"),
                new Document("c", "", " x y "))), DocumentFormat.TEXT_ONLY);
        assertTrue(!same.needsModels());
        DedupResult r = service.run(same, null, null, DedupSettings.DEFAULTS, TaskProgress.NONE, () -> false);
        assertEquals(0, r.comparisons());
        assertEquals(3, r.allPairCount());
        assertNull(r.candidates());
        assertEquals(1, r.clusters(r.rule()).list().size());
        assertEquals(2, r.pairRows(r.rule()).size());
        DedupInput one = DedupInput.of(new Corpus(null, List.of(new Document("a", "", "alone"))), DocumentFormat.TEXT_ONLY);
        DedupResult r1 = service.run(one, null, null, DedupSettings.DEFAULTS, TaskProgress.NONE, () -> false);
        assertEquals(0, r1.allPairCount());
        assertEquals(0, r1.clusters(r1.rule()).list().size());
    }

    @Test
    void cancellationStopsTheRun() {
        assertThrows(CancellationException.class,
                () -> service.run(input, bi, null, settings(0.85, 0.85).withIndex(DedupSettings.IndexMode.EXACT,
                        DedupService.HNSW_DEFAULTS), TaskProgress.NONE, () -> true));
    }

    /**
     * The bundled passage reranker as verifier: trained for query -> passage relevance, it gives every one of these
     * paraphrase candidates a score near 1 (measured 0.984-0.990), so at the default 0.5 it rejects nothing here.
     */
    @Test
    void crossEncoderScoresEveryCandidate() {
        ModelService models = new ModelService(TestModels.catalog());
        try (CrossEncoder ce = models.openCrossEncoder("crossbench-reranker-MiniLM-L6", EngineChoice.AUTO, 32,
                ScoreActivation.SIGMOID, null)) {
            DedupResult r = service.run(input, bi, ce, settings(0.85, 0.85), TaskProgress.NONE, () -> false);
            assertTrue(r.verified());
            assertEquals(19, r.pairs().size());
            assertTrue(r.pairs().stream().allMatch(p -> p.crossScore() > 0.97 && p.crossScore() < 1), r.pairs().toString());
            assertEquals(19, r.accepted(r.rule()).size());
            assertTrue(r.accepted(new AcceptRule(0.85, 0.9885)).size() < 19);
            assertTrue(r.crossNanosPerPair()[0] > 0);
            assertEquals(r.allPairCount() * r.crossNanosPerPair()[0], r.bruteForceCrossNanos()[0], 1e-3);
        }
    }
}
