package dev.crossbench.index;

import java.util.Random;

/**
 * A random orthogonal matrix (Gram-Schmidt on Gaussian columns). Rotating a set of embeddings keeps
 * every inner product within the set, so a rotated copy of a real corpus is as hard to search as the
 * original while sitting elsewhere on the sphere: a way to reach 100,000+ realistic vectors from a
 * 5,000-document corpus for scaling runs. Such vectors are synthetic and reported as such.
 */
public final class RandomRotation {
    private final int dimension;
    private final float[] q; // row-major d x d, orthonormal rows

    private RandomRotation(int dimension, float[] q) {
        this.dimension = dimension;
        this.q = q;
    }

    public static RandomRotation random(int dimension, long seed) {
        Random rnd = new Random(seed);
        double[][] rows = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                rows[i][j] = rnd.nextGaussian();
            }
            // Modified Gram-Schmidt: remove the components along the rows already made orthonormal.
            for (int p = 0; p < i; p++) {
                double dot = 0;
                for (int j = 0; j < dimension; j++) {
                    dot += rows[i][j] * rows[p][j];
                }
                for (int j = 0; j < dimension; j++) {
                    rows[i][j] -= dot * rows[p][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < dimension; j++) {
                norm += rows[i][j] * rows[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dimension; j++) {
                rows[i][j] /= norm;
            }
        }
        float[] flat = new float[dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                flat[i * dimension + j] = (float) rows[i][j];
            }
        }
        return new RandomRotation(dimension, flat);
    }

    /** Q v into {@code out} at {@code outOffset}. */
    public void apply(float[] v, int vOffset, float[] out, int outOffset) {
        for (int i = 0; i < dimension; i++) {
            out[outOffset + i] = VectorMath.dot(q, i * dimension, v, vOffset, dimension);
        }
    }

    public float[] apply(float[] v) {
        float[] out = new float[dimension];
        apply(v, 0, out, 0);
        return out;
    }

    /**
     * The base matrix followed by rotated copies of it (copy 0 is the original) up to at least
     * {@code minRows} rows; rotation c is {@code random(d, seed + c)}.
     */
    public static EmbeddingMatrix replicate(EmbeddingMatrix base, int minRows, long seed) {
        int d = base.dimension();
        int copies = Math.max(1, (minRows + base.rows() - 1) / base.rows());
        float[] out = new float[copies * base.rows() * d];
        System.arraycopy(base.data(), 0, out, 0, base.data().length);
        for (int c = 1; c < copies; c++) {
            RandomRotation r = random(d, seed + c);
            int offset = c * base.rows() * d;
            for (int i = 0; i < base.rows(); i++) {
                r.apply(base.data(), i * d, out, offset + i * d);
            }
        }
        return new EmbeddingMatrix(copies * base.rows(), d, out);
    }
}
