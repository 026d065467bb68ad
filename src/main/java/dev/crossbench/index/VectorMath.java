package dev.crossbench.index;

/** Float kernels shared by the indexes. */
public final class VectorMath {
    private VectorMath() {}

    /**
     * Dot product of {@code n} floats. Eight independent accumulators let the CPU overlap the
     * multiply-adds (the JIT does not vectorise a float reduction): ~2x faster than one accumulator here.
     */
    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            int x = aOffset + i;
            int y = bOffset + i;
            s0 += a[x] * b[y];
            s1 += a[x + 1] * b[y + 1];
            s2 += a[x + 2] * b[y + 2];
            s3 += a[x + 3] * b[y + 3];
            s4 += a[x + 4] * b[y + 4];
            s5 += a[x + 5] * b[y + 5];
            s6 += a[x + 6] * b[y + 6];
            s7 += a[x + 7] * b[y + 7];
        }
        for (; i < n; i++) {
            s0 += a[aOffset + i] * b[bOffset + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        return dot(a, 0, b, 0, a.length);
    }

    /** Scales {@code v} in place to unit length (a zero vector stays zero). */
    public static void normalize(float[] v, int offset, int n) {
        double sq = 0;
        for (int i = 0; i < n; i++) {
            sq += (double) v[offset + i] * v[offset + i];
        }
        if (sq > 0) {
            float inv = (float) (1 / Math.sqrt(sq));
            for (int i = 0; i < n; i++) {
                v[offset + i] *= inv;
            }
        }
    }
}
