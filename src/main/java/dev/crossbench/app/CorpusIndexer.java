package dev.crossbench.app;

import dev.crossbench.data.Corpus;
import dev.crossbench.data.Document;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.index.EmbeddingKey;
import dev.crossbench.index.EmbeddingMatrix;
import dev.crossbench.index.EmbeddingStore;
import dev.crossbench.index.ExactIndex;
import dev.crossbench.index.HnswFiles;
import dev.crossbench.index.StoredEmbeddings;
import dev.crossbench.index.VectorIndex;
import dev.crossbench.index.VectorMath;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.engine.OnnxBackend;
import dev.crossbench.model.engine.TorchScriptBackend;
import dev.crossbench.search.QueryEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Embeds a corpus with a bi-encoder through the embedding cache and builds (or loads) the index. Scores
 * are cosine similarity: a model that does not L2-normalise gets its vectors normalised here, on both
 * sides, so inner product search ranks by cosine as MTEB does.
 */
public final class CorpusIndexer {
    public static final String ENCODE_PHASE = "encode corpus";
    public static final String INDEX_PHASE = "build HNSW";

    private final EmbeddingStore store;

    public CorpusIndexer(EmbeddingStore store) {
        this.store = store;
    }

    public static CorpusIndexer standard() {
        return new CorpusIndexer(EmbeddingStore.standard());
    }

    public EmbeddingStore store() {
        return store;
    }

    public IndexedCorpus index(Corpus corpus, DocumentFormat format, BiEncoder bi, IndexChoice choice, TaskProgress progress,
            BooleanSupplier cancelled) {
        List<String> texts = corpus.texts(format);
        StoredEmbeddings stored = embed(corpus, texts, bi, progress, cancelled);
        if (!bi.options().normalize()) {
            stored = withMatrix(stored, stored.matrix().normalized());
        }
        long t0 = System.nanoTime();
        if (choice.kind() == IndexChoice.Kind.EXACT) {
            return new IndexedCorpus(corpus, format, texts, stored, new ExactIndex(stored.matrix()), System.nanoTime() - t0, false);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        HnswFiles.Loaded hnsw = HnswFiles.loadOrBuild(stored, choice.hnsw(), threads,
                (done, total) -> {
                    progress.update(INDEX_PHASE, done, total);
                    return 0;
                }, cancelled);
        return new IndexedCorpus(corpus, format, texts, stored, hnsw.index(), hnsw.nanos(), hnsw.fromDisk());
    }

    /** The corpus embeddings from the cache, or encoded (resumably) and cached. */
    public StoredEmbeddings embed(Corpus corpus, List<String> texts, BiEncoder bi, TaskProgress progress,
            BooleanSupplier cancelled) {
        List<String> ids = corpus.documents().stream().map(Document::id).toList();
        EmbeddingKey key = keyFor(bi, ids, texts);
        return store.load(key, texts, bi.backend().description(),
                (batch, p, c) -> bi.encodeDocuments(batch, p, c),
                (done, total) -> progress.update(ENCODE_PHASE, done, total), cancelled);
    }

    /** What identifies these embeddings: model, the weights file that runs, prompt, truncation, pooling, texts. */
    public EmbeddingKey keyFor(BiEncoder bi, List<String> ids, List<String> texts) {
        ModelDescriptor d = bi.descriptor();
        Path weights = weightsFile(bi);
        String sha = store.weightChecksums().sha256(weights);
        return new EmbeddingKey(d.name(), sha, bi.options().documentPrompt(), bi.options().maxSeqLength(),
                bi.options().pooling().name(), bi.options().normalize(), EmbeddingKey.corpusChecksum(ids, texts), texts.size());
    }

    /** The weights file the bi-encoder actually runs (ONNX, safetensors or TorchScript). */
    static Path weightsFile(BiEncoder bi) {
        ModelDescriptor d = bi.descriptor();
        if (bi.backend() instanceof OnnxBackend onnx) {
            return onnx.file(); // the model's own ONNX file or the verified export of its safetensors
        }
        if (bi.backend() instanceof TorchScriptBackend || d.safetensors() == null || !Files.exists(d.safetensors())) {
            return d.torchScript() != null ? d.torchScript() : d.onnx();
        }
        return d.safetensors();
    }

    /** Queries encoded one at a time with the model's query prompt, normalised like the corpus. */
    public static QueryEncoder queryEncoder(BiEncoder bi) {
        boolean normalizeHere = !bi.options().normalize();
        return query -> {
            float[] v = bi.encodeQueries(List.of(query))[0];
            if (normalizeHere) {
                VectorMath.normalize(v, 0, v.length);
            }
            return v;
        };
    }

    private static StoredEmbeddings withMatrix(StoredEmbeddings s, EmbeddingMatrix m) {
        return new StoredEmbeddings(m, s.file(), s.dataSha256(), s.outcome(), s.note(), s.chunksReused(), s.chunksEncoded(),
                s.encodeNanos(), s.loadNanos());
    }
}
