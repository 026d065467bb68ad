package dev.crossbench.app;

import dev.crossbench.bench.StageTime;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.Document;
import dev.crossbench.data.PairDataset;
import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.CandidateSearch;
import dev.crossbench.dedup.TextGroups;
import dev.crossbench.index.CacheOutcome;
import dev.crossbench.index.EmbeddingKey;
import dev.crossbench.index.EmbeddingMatrix;
import dev.crossbench.index.EmbeddingStore;
import dev.crossbench.index.HnswParams;
import dev.crossbench.index.StoredEmbeddings;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Deduplication and paraphrase mining without comparing all pairs: identical texts are grouped by hashing;
 * each distinct text is embedded once (unit length, through the embedding cache, with the model's prompt for
 * symmetric similarity); candidate pairs are each text's top-k neighbours at or above the candidate threshold,
 * from all pairs (up to {@link #EXACT_MAX_TEXTS} distinct texts) or from an HNSW graph; a cross-encoder can
 * then score every candidate. Clusters and thresholds are applied to the {@link DedupResult} afterwards.
 */
public final class DedupService {
    public static final String ENCODE_PHASE = "encode texts";
    public static final String INDEX_PHASE = "build HNSW";
    public static final String SEARCH_PHASE = "find neighbours";
    public static final String ALL_PAIRS_PHASE = "compare all pairs";
    public static final String SAMPLE_PHASE = "all pairs of a sample";
    public static final String VERIFY_PHASE = "cross-encoder";

    /**
     * Above this many distinct texts, auto uses HNSW instead of comparing all pairs. Measured with all-MiniLM-L6-v2 on
     * 100,000 real texts (scripts/dedup), 2 shared cores: all 5.0e9 pairs by matmul took 74.8 s CPU (15 ns per pair),
     * HNSW with {@link #HNSW_DEFAULTS} 287 s CPU for 5.3% of the comparisons (hnswlib-core spends about 1 us per
     * comparison, graph upkeep included); at 2,552 texts HNSW even compared more pairs than brute force (109%). Brute
     * force grows as n^2 and HNSW as about n log n, so the break-even lies past 100,000 here (extrapolated, not
     * measured): auto compares all pairs only where that was measured to be cheaper.
     */
    public static final int EXACT_MAX_TEXTS = 100_000;

    /**
     * HNSW parameters for deduplication: M=16, efConstruction=100, ef=40 (at least k+1). On 100,000 real texts they
     * found 99.77% of the brute force's candidate pairs (top 10, cosine >= 0.85). On 9,802 real embeddings expanded to
     * 20,000 with rotated copies, the search defaults (efConstruction 400, ef 80) took 85 s CPU instead of 27 s to find
     * 100% of the exact candidates instead of 99.97%.
     */
    public static final HnswParams HNSW_DEFAULTS = new HnswParams(16, 100, 40);

    private final CorpusIndexer indexer;

    public DedupService(CorpusIndexer indexer) {
        this.indexer = indexer;
    }

    public static DedupService standard() {
        return new DedupService(CorpusIndexer.standard());
    }

    /** The distinct sentences of a labeled pairs file as a corpus: ids s1, s2, ... in order of first appearance. */
    public static Corpus sentencesOf(PairDataset data) {
        List<String> unique = data.uniqueSentences();
        List<Document> docs = new ArrayList<>(unique.size());
        for (int i = 0; i < unique.size(); i++) {
            docs.add(new Document("s" + (i + 1), "", unique.get(i)));
        }
        return new Corpus(data.source().orElse(null), docs);
    }

    /**
     * @param bi the bi-encoder; may be null when the input {@linkplain DedupInput#needsModels() needs no model}
     * @param cross verifies the candidates when not null; the caller opens and closes both models
     * @param progress phases {@link #ENCODE_PHASE}, {@link #ALL_PAIRS_PHASE} or {@link #INDEX_PHASE} and
     *     {@link #SEARCH_PHASE}, {@link #SAMPLE_PHASE}, {@link #VERIFY_PHASE}
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true
     */
    public DedupResult run(DedupInput input, BiEncoder bi, CrossEncoder cross, DedupSettings settings,
            TaskProgress progress, BooleanSupplier cancelled) {
        TextGroups groups = input.groups();
        List<String> texts = input.texts();
        String crossName = cross == null ? null : cross.name();
        String crossEngine = cross == null ? null : cross.scorer().description();
        if (!input.needsModels()) {
            return new DedupResult(input, settings, null, null, crossName, crossEngine, null, List.of(), null, StageTime.ZERO,
                    StageTime.ZERO, null);
        }
        if (bi == null) {
            throw new IllegalArgumentException("a bi-encoder is needed to compare " + groups.groups() + " distinct texts");
        }
        StageTime.Mark encoding = StageTime.start();
        Embedded embedded = embed(input, bi, progress, cancelled);
        StageTime encode = encoding.stop();
        CandidateRun run = findCandidates(embedded.matrix(), settings, progress, cancelled);
        CandidateSearch.Candidates candidates = run.candidates();
        DedupResult.AllPairsCost allPairs = run.allPairs();
        List<CandidatePair> pairs = candidates.pairs();
        StageTime crossTime = StageTime.ZERO;
        if (cross != null && !pairs.isEmpty()) {
            StageTime.Mark verifying = StageTime.start();
            pairs = verify(groups, texts, pairs, cross, progress, cancelled);
            crossTime = verifying.stop();
        }
        return new DedupResult(input, settings, bi.descriptor().name(), bi.backend().description(), crossName,
                crossEngine, candidates, pairs, embedded.outcome(), encode, crossTime, allPairs);
    }

    /** Unit-length embeddings of the distinct texts (row g is group g) and how they were obtained. */
    record Embedded(EmbeddingMatrix matrix, CacheOutcome outcome, String note) {}

    /** Candidates and, for comparison, the cost of comparing all pairs (measured, or on a sample). */
    record CandidateRun(CandidateSearch.Candidates candidates, DedupResult.AllPairsCost allPairs) {}

    /** The distinct texts' embeddings, cached under a key that names the pair prompt they were encoded with. */
    Embedded embed(DedupInput input, BiEncoder bi, TaskProgress progress, BooleanSupplier cancelled) {
        TextGroups groups = input.groups();
        List<String> ids = new ArrayList<>(groups.groups());
        List<String> unique = new ArrayList<>(groups.groups());
        for (int g = 0; g < groups.groups(); g++) {
            ids.add(input.id(groups.firstRow(g)));
            unique.add(input.texts().get(groups.firstRow(g)));
        }
        EmbeddingKey key = indexer.keyFor(bi, ids, unique).withPrompt(bi.options().pairPrompt());
        EmbeddingStore store = indexer.store();
        StoredEmbeddings stored = store.load(key, unique, bi.backend().description(), (batch, p, c) -> bi.encodeForPairs(batch, p, c),
                (done, total) -> progress.update(ENCODE_PHASE, done, total), cancelled);
        EmbeddingMatrix m = bi.options().normalize() ? stored.matrix() : stored.matrix().normalized();
        return new Embedded(m, stored.outcome(), stored.note());
    }

    /** Each row's top-k neighbours at or above the candidate threshold: all pairs, or HNSW (then all pairs of a sample). */
    CandidateRun findCandidates(EmbeddingMatrix m, DedupSettings settings, TaskProgress progress, BooleanSupplier cancelled) {
        float minScore = (float) settings.candidateThreshold();
        int k = settings.topK();
        boolean exact = settings.index() == DedupSettings.IndexMode.EXACT
                || settings.index() == DedupSettings.IndexMode.AUTO && m.rows() <= EXACT_MAX_TEXTS;
        if (exact) {
            CandidateSearch.Candidates c = CandidateSearch.exact(m, k, minScore,
                    (d, t) -> progress.update(ALL_PAIRS_PHASE, d, t), cancelled);
            return new CandidateRun(c, new DedupResult.AllPairsCost(m.rows(), c.comparisons(), c.search(), true));
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        CandidateSearch.Candidates c = CandidateSearch.hnsw(m, settings.hnsw(), k, minScore, threads, (d, t) -> {
            progress.update(INDEX_PHASE, d, t);
            return 0;
        }, (d, t) -> progress.update(SEARCH_PHASE, d, t), cancelled);
        return new CandidateRun(c, sampleAllPairs(m, settings, progress, cancelled));
    }

    /** All pairs of a random sample of the distinct texts, timed: the brute-force cost per pair. */
    private static DedupResult.AllPairsCost sampleAllPairs(EmbeddingMatrix m, DedupSettings settings, TaskProgress progress,
            BooleanSupplier cancelled) {
        int s = Math.min(settings.allPairsSample(), m.rows());
        if (s < 2) {
            return null;
        }
        int[] rows = sample(m.rows(), s, settings.seed());
        int d = m.dimension();
        float[] data = new float[s * d];
        for (int i = 0; i < s; i++) {
            System.arraycopy(m.data(), rows[i] * d, data, i * d, d);
        }
        CandidateSearch.Candidates r = CandidateSearch.exact(new EmbeddingMatrix(s, d, data), settings.topK(),
                (float) settings.candidateThreshold(), (done, total) -> progress.update(SAMPLE_PHASE, done, total), cancelled);
        return new DedupResult.AllPairsCost(s, r.comparisons(), r.search(), s == m.rows());
    }

    /** {@code s} distinct rows of {@code n}, drawn at random (a partial Fisher-Yates shuffle), ascending. */
    static int[] sample(int n, int s, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = 0; i < s; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(all, s);
        java.util.Arrays.sort(out);
        return out;
    }

    /** Every candidate scored by the cross-encoder, (first text, second text) in row order. */
    private static List<CandidatePair> verify(TextGroups groups, List<String> texts, List<CandidatePair> pairs,
            CrossEncoder cross, TaskProgress progress, BooleanSupplier cancelled) {
        List<String> first = new ArrayList<>(pairs.size());
        List<String> second = new ArrayList<>(pairs.size());
        for (CandidatePair p : pairs) {
            first.add(texts.get(groups.firstRow(p.a())));
            second.add(texts.get(groups.firstRow(p.b())));
        }
        double[] scores = cross.predict(first, second, (done, total) -> progress.update(VERIFY_PHASE, done, total), cancelled);
        List<CandidatePair> out = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            out.add(pairs.get(i).withCrossScore(scores[i]));
        }
        return List.copyOf(out);
    }
}
