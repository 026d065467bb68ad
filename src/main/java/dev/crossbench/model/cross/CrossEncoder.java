package dev.crossbench.model.cross;

import dev.crossbench.model.text.LengthOrder;
import dev.crossbench.model.text.TextTokenizer;
import dev.crossbench.model.text.TokenBatch;
import dev.crossbench.model.text.Tokenized;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Scores text pairs by reading both texts together ([CLS] a [SEP] b [SEP], token types 0/1,
 * longest side truncated first). Batches are sorted by length; scores come back in input order.
 */
public final class CrossEncoder implements AutoCloseable {
    private final String name;
    private final TextTokenizer tokenizer;
    private final PairScorer scorer;
    private final int batchSize;
    private final ScoreActivation activation;
    private final List<String> notes;
    private volatile long lastTokens;
    private volatile long lastPaddedTokens;

    public CrossEncoder(String name, TextTokenizer tokenizer, PairScorer scorer, int batchSize, ScoreActivation activation) {
        this(name, tokenizer, scorer, batchSize, activation, List.of());
    }

    /** {@code notes}: what the loader changed from what was asked (e.g. a clamped max length), for the user. */
    public CrossEncoder(String name, TextTokenizer tokenizer, PairScorer scorer, int batchSize, ScoreActivation activation,
            List<String> notes) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.name = name;
        this.tokenizer = tokenizer;
        this.scorer = scorer;
        this.batchSize = batchSize;
        this.activation = activation;
        this.notes = List.copyOf(notes);
    }

    public List<String> notes() {
        return notes;
    }

    public String name() {
        return name;
    }

    public PairScorer scorer() {
        return scorer;
    }

    public ScoreActivation activation() {
        return activation;
    }

    public long lastTokens() {
        return lastTokens;
    }

    public long lastPaddedTokens() {
        return lastPaddedTokens;
    }

    /** One score per pair (label 0 of the logits, through the activation). */
    public double[] predict(List<String> first, List<String> second) {
        return predict(first, second, (d, t) -> {}, () -> false);
    }

    public double[] predict(List<String> first, List<String> second, dev.crossbench.model.EncodeProgress progress,
            BooleanSupplier cancelled) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("pairs need as many first texts as second texts: " + first.size() + " vs " + second.size());
        }
        int n = first.size();
        List<Tokenized> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tokens.add(tokenizer.encodePair(first.get(i), second.get(i)));
        }
        Integer[] order = LengthOrder.longestFirst(tokens);
        double[] scores = new double[n];
        long real = 0;
        long padded = 0;
        int labels = scorer.numLabels();
        for (int start = 0; start < n; start += batchSize) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("scoring cancelled after " + start + " of " + n + " pairs");
            }
            int end = Math.min(n, start + batchSize);
            List<Tokenized> items = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                items.add(tokens.get(order[i]));
            }
            TokenBatch batch = TokenBatch.pad(items);
            float[] logits = scorer.logits(batch);
            for (int i = start; i < end; i++) {
                scores[order[i]] = activation.apply(logits[(i - start) * labels]);
            }
            real += batch.realTokens();
            padded += (long) batch.batchSize() * batch.seqLen();
            progress.onProgress(end, n);
        }
        lastTokens = real;
        lastPaddedTokens = padded;
        return scores;
    }

    /** The documents sorted by score, best first, at most {@code topK}. */
    public List<ScoredIndex> rank(String query, List<String> documents, int topK) {
        double[] s = predict(java.util.Collections.nCopies(documents.size(), query), documents);
        List<ScoredIndex> out = new ArrayList<>(s.length);
        for (int i = 0; i < s.length; i++) {
            out.add(new ScoredIndex(i, s[i]));
        }
        out.sort(Comparator.comparingDouble(ScoredIndex::score).reversed().thenComparingInt(ScoredIndex::index));
        return out.subList(0, Math.min(topK, out.size()));
    }

    @Override
    public void close() {
        scorer.close();
        tokenizer.close();
    }
}
