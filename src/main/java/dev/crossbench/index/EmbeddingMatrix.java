package dev.crossbench.index;

/** Row-major float32 vectors in one array: row i is document i of the corpus. */
public final class EmbeddingMatrix {
    private final int rows;
    private final int dimension;
    private final float[] data;

    public EmbeddingMatrix(int rows, int dimension, float[] data) {
        if (rows < 0 || dimension < 1 || (long) rows * dimension != data.length) {
            throw new IllegalArgumentException(data.length + " values do not make " + rows + " vectors of " + dimension);
        }
        this.rows = rows;
        this.dimension = dimension;
        this.data = data;
    }

    public static EmbeddingMatrix of(float[][] vectors) {
        if (vectors.length == 0) {
            throw new IllegalArgumentException("no vectors");
        }
        int d = vectors[0].length;
        float[] data = new float[vectors.length * d];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != d) {
                throw new IllegalArgumentException("vector " + i + " has " + vectors[i].length + " dimensions, expected " + d);
            }
            System.arraycopy(vectors[i], 0, data, i * d, d);
        }
        return new EmbeddingMatrix(vectors.length, d, data);
    }

    public int rows() {
        return rows;
    }

    public int dimension() {
        return dimension;
    }

    /** The backing array (not a copy): row i starts at {@code i * dimension()}. */
    public float[] data() {
        return data;
    }

    public float[] row(int i) {
        float[] r = new float[dimension];
        System.arraycopy(data, i * dimension, r, 0, dimension);
        return r;
    }

    public float dot(int row, float[] query) {
        return VectorMath.dot(data, row * dimension, query, 0, dimension);
    }

    /** A copy whose rows have unit length, so inner product is cosine similarity. */
    public EmbeddingMatrix normalized() {
        float[] copy = data.clone();
        for (int i = 0; i < rows; i++) {
            VectorMath.normalize(copy, i * dimension, dimension);
        }
        return new EmbeddingMatrix(rows, dimension, copy);
    }

    public long bytes() {
        return 4L * data.length;
    }
}
