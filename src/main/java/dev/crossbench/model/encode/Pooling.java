package dev.crossbench.model.encode;

import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.text.TokenBatch;

/** Sentence embeddings from token embeddings, masking padding; the same code for every engine. */
public final class Pooling {
    private Pooling() {}

    /** @param hidden row-major [batch x seq x dim] last hidden state of {@code batch} */
    public static float[][] pool(float[] hidden, TokenBatch batch, int dim, PoolingMode mode) {
        int n = batch.batchSize();
        int seq = batch.seqLen();
        if (hidden.length != (long) n * seq * dim) {
            throw new IllegalArgumentException("hidden state has " + hidden.length + " values, expected "
                    + n + "x" + seq + "x" + dim);
        }
        float[][] out = new float[n][dim];
        long[] mask = batch.mask();
        for (int r = 0; r < n; r++) {
            float[] v = out[r];
            int rowBase = r * seq;
            switch (mode) {
                case CLS:
                    System.arraycopy(hidden, rowBase * dim, v, 0, dim);
                    break;
                case MEAN: {
                    double[] sum = new double[dim];
                    int count = 0;
                    for (int t = 0; t < seq; t++) {
                        if (mask[rowBase + t] == 0) {
                            continue;
                        }
                        count++;
                        int off = (rowBase + t) * dim;
                        for (int d = 0; d < dim; d++) {
                            sum[d] += hidden[off + d];
                        }
                    }
                    // sentence-transformers clamps the token count at 1e-9; a row always has [CLS].
                    double denom = Math.max(count, 1e-9);
                    for (int d = 0; d < dim; d++) {
                        v[d] = (float) (sum[d] / denom);
                    }
                    break;
                }
                case MAX: {
                    java.util.Arrays.fill(v, Float.NEGATIVE_INFINITY);
                    for (int t = 0; t < seq; t++) {
                        if (mask[rowBase + t] == 0) {
                            continue;
                        }
                        int off = (rowBase + t) * dim;
                        for (int d = 0; d < dim; d++) {
                            v[d] = Math.max(v[d], hidden[off + d]);
                        }
                    }
                    break;
                }
                default:
                    throw new IllegalStateException(mode.toString());
            }
        }
        return out;
    }

    /** Scales each row to unit L2 norm in place (rows of zeros stay zero). */
    public static void normalize(float[][] rows) {
        for (float[] v : rows) {
            double s = 0;
            for (float x : v) {
                s += (double) x * x;
            }
            double norm = Math.max(Math.sqrt(s), 1e-12);
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
    }
}
