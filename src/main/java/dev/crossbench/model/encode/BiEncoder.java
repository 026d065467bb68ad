package dev.crossbench.model.encode;

import dev.crossbench.model.EncodeOptions;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.engine.TransformerBackend;
import dev.crossbench.model.text.LengthOrder;
import dev.crossbench.model.text.TextTokenizer;
import dev.crossbench.model.text.TokenBatch;
import dev.crossbench.model.text.Tokenized;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Texts to sentence embeddings: tokenize (with the chosen prompt), batch by length so little
 * compute goes to padding, run the engine, pool, optionally L2-normalise, and return the rows in
 * input order. Not thread-safe: one encode at a time.
 */
public final class BiEncoder implements AutoCloseable {
    private final ModelDescriptor descriptor;
    private final TextTokenizer tokenizer;
    private final TransformerBackend backend;
    private final EncodeOptions options;
    private final List<String> notes;
    private volatile EncodeStats lastStats;

    public BiEncoder(ModelDescriptor descriptor, TextTokenizer tokenizer, TransformerBackend backend, EncodeOptions options) {
        this(descriptor, tokenizer, backend, options, List.of());
    }

    /** {@code notes}: what the loader changed from what was asked (e.g. a clamped max sequence length), for the user. */
    public BiEncoder(ModelDescriptor descriptor, TextTokenizer tokenizer, TransformerBackend backend, EncodeOptions options,
            List<String> notes) {
        this.descriptor = descriptor;
        this.tokenizer = tokenizer;
        this.backend = backend;
        this.options = options;
        this.notes = List.copyOf(notes);
    }

    public List<String> notes() {
        return notes;
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    public EncodeOptions options() {
        return options;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    public TransformerBackend backend() {
        return backend;
    }

    public int dimension() {
        return backend.hiddenSize();
    }

    public EncodeStats lastStats() {
        return lastStats;
    }

    /** Texts as they are (no prompt). */
    public float[][] encode(List<String> texts) {
        return encode(texts, "", EncodeProgress.NONE, () -> false);
    }

    /** Retrieval queries, with the model's query prompt. */
    public float[][] encodeQueries(List<String> texts) {
        return encode(texts, options.queryPrompt(), EncodeProgress.NONE, () -> false);
    }

    /** Corpus documents, with the model's document prompt. */
    public float[][] encodeDocuments(List<String> texts, EncodeProgress progress, BooleanSupplier cancelled) {
        return encode(texts, options.documentPrompt(), progress, cancelled);
    }

    /** Both sides of labeled pairs, with the model's prompt for symmetric similarity. */
    public float[][] encodeForPairs(List<String> texts, EncodeProgress progress, BooleanSupplier cancelled) {
        return encode(texts, options.pairPrompt(), progress, cancelled);
    }

    /**
     * @throws CancellationException when {@code cancelled} turns true (checked between batches)
     */
    public float[][] encode(List<String> texts, String prompt, EncodeProgress progress, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        String p = prompt == null ? "" : prompt;
        List<String> prompted = p.isEmpty() ? texts : texts.stream().map(t -> p + t).toList();
        List<Tokenized> tokens = tokenizer.encodeAll(prompted);
        long tokenizeNanos = System.nanoTime() - t0;

        Integer[] order = LengthOrder.longestFirst(tokens);

        float[][] out = new float[texts.size()][];
        long forwardNanos = 0;
        long poolNanos = 0;
        long real = 0;
        long padded = 0;
        long sumSq = 0;
        int batches = 0;
        int bs = options.batchSize();
        for (int start = 0; start < order.length; start += bs) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("encoding cancelled after " + start + " of " + texts.size() + " texts");
            }
            int end = Math.min(order.length, start + bs);
            List<Tokenized> items = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                items.add(tokens.get(order[i]));
            }
            TokenBatch batch = TokenBatch.pad(items);
            long f0 = System.nanoTime();
            float[] hidden = backend.lastHiddenState(batch);
            long f1 = System.nanoTime();
            float[][] pooled = Pooling.pool(hidden, batch, backend.hiddenSize(), options.pooling());
            if (options.normalize()) {
                Pooling.normalize(pooled);
            }
            for (int i = start; i < end; i++) {
                out[order[i]] = pooled[i - start];
            }
            poolNanos += System.nanoTime() - f1;
            forwardNanos += f1 - f0;
            real += batch.realTokens();
            padded += (long) batch.batchSize() * batch.seqLen();
            sumSq += (long) batch.batchSize() * batch.seqLen() * batch.seqLen();
            batches++;
            progress.onProgress(end, texts.size());
        }
        lastStats = new EncodeStats(texts.size(), batches, real, padded, sumSq, tokenizeNanos, forwardNanos, poolNanos);
        return out;
    }

    @Override
    public void close() {
        backend.close();
        tokenizer.close();
    }
}
