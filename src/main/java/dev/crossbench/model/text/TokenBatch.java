package dev.crossbench.model.text;

import java.util.List;

/**
 * A batch padded to its longest member: row-major [batch x seqLen] ids, attention mask and
 * token types, ready for any engine. Padding id is 0 (BERT's [PAD]).
 */
public record TokenBatch(int batchSize, int seqLen, long[] ids, long[] mask, long[] typeIds) {

    public static TokenBatch pad(List<Tokenized> items) {
        int n = items.size();
        int seq = 1;
        for (Tokenized t : items) {
            seq = Math.max(seq, t.length());
        }
        long[] ids = new long[n * seq];
        long[] mask = new long[n * seq];
        long[] types = new long[n * seq];
        for (int r = 0; r < n; r++) {
            Tokenized t = items.get(r);
            System.arraycopy(t.ids(), 0, ids, r * seq, t.length());
            System.arraycopy(t.typeIds(), 0, types, r * seq, t.length());
            for (int c = 0; c < t.length(); c++) {
                mask[r * seq + c] = 1;
            }
        }
        return new TokenBatch(n, seq, ids, mask, types);
    }

    /** Number of real (unpadded) tokens. */
    public long realTokens() {
        long s = 0;
        for (long m : mask) {
            s += m;
        }
        return s;
    }
}
