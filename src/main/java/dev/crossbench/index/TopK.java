package dev.crossbench.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the k best (score, row) pairs seen, in a min-heap on primitive arrays so a scan over
 * 100,000 rows allocates nothing per row. Equal scores prefer the lower row, so results are stable.
 */
final class TopK {
    private final int k;
    private final float[] scores;
    private final int[] rows;
    private int size;

    TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
        this.scores = new float[k];
        this.rows = new int[k];
    }

    /** The score a new row must beat to enter, -infinity while there is room. */
    float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(int row, float score) {
        if (size < k) {
            scores[size] = score;
            rows[size] = row;
            siftUp(size++);
        } else if (worse(scores[0], rows[0], score, row)) {
            scores[0] = score;
            rows[0] = row;
            siftDown(0);
        }
    }

    /** Best first. */
    List<Neighbor> sorted() {
        List<Neighbor> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Neighbor(rows[i], scores[i]));
        }
        out.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : Integer.compare(a.row(), b.row()));
        return out;
    }

    /** True when (s1, r1) ranks below (s2, r2). */
    private static boolean worse(float s1, int r1, float s2, int r2) {
        return s1 < s2 || (s1 == s2 && r1 > r2);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(scores[i], rows[i], scores[parent], rows[parent])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int min = i;
            if (l < size && worse(scores[l], rows[l], scores[min], rows[min])) {
                min = l;
            }
            if (r < size && worse(scores[r], rows[r], scores[min], rows[min])) {
                min = r;
            }
            if (min == i) {
                return;
            }
            swap(i, min);
            i = min;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int r = rows[a];
        rows[a] = rows[b];
        rows[b] = r;
    }
}
