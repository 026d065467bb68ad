package dev.crossbench.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups of duplicates: the connected components of the accepted pairs (single linkage: A~B and B~C put A,
 * B and C together even when A and C were never accepted as a pair), over rows, with every copy of a text in
 * its text's cluster. Only clusters of two or more rows are listed.
 */
public final class Clusters {
    /**
     * @param rows input rows, ascending
     * @param pairs accepted pairs inside the cluster (identical copies not counted)
     * @param minBiScore the lowest cosine among those pairs (1 for a cluster of identical copies only)
     */
    public record Cluster(int[] rows, int pairs, float minBiScore) {
        public int size() {
            return rows.length;
        }
    }

    private final List<Cluster> clusters;
    private final int[] clusterOfRow;

    private Clusters(List<Cluster> clusters, int[] clusterOfRow) {
        this.clusters = clusters;
        this.clusterOfRow = clusterOfRow;
    }

    public static Clusters of(TextGroups groups, List<CandidatePair> accepted) {
        int[] parent = new int[groups.groups()];
        for (int g = 0; g < parent.length; g++) {
            parent[g] = g;
        }
        for (CandidatePair p : accepted) {
            int ra = find(parent, p.a());
            int rb = find(parent, p.b());
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
        int[] rowCount = new int[parent.length];
        for (int g = 0; g < parent.length; g++) {
            rowCount[find(parent, g)] += groups.size(g);
        }
        int[] index = new int[parent.length];
        Arrays.fill(index, -1);
        List<List<Integer>> members = new ArrayList<>();
        List<int[]> pairStats = new ArrayList<>();
        int[] clusterOfRow = new int[groups.rows()];
        Arrays.fill(clusterOfRow, -1);
        for (int row = 0; row < groups.rows(); row++) {
            int root = find(parent, groups.groupOf(row));
            if (rowCount[root] < 2) {
                continue;
            }
            if (index[root] < 0) {
                index[root] = members.size();
                members.add(new ArrayList<>());
                pairStats.add(new int[1]);
            }
            members.get(index[root]).add(row);
        }
        float[] minScore = new float[members.size()];
        Arrays.fill(minScore, 1f);
        for (CandidatePair p : accepted) {
            int c = index[find(parent, p.a())];
            pairStats.get(c)[0]++;
            minScore[c] = Math.min(minScore[c], p.biScore());
        }
        List<Cluster> out = new ArrayList<>(members.size());
        for (int c = 0; c < members.size(); c++) {
            out.add(new Cluster(members.get(c).stream().mapToInt(Integer::intValue).toArray(), pairStats.get(c)[0], minScore[c]));
        }
        // Largest first, then by first row: stable output.
        out.sort(Comparator.comparingInt((Cluster c) -> -c.size()).thenComparingInt(c -> c.rows()[0]));
        for (int c = 0; c < out.size(); c++) {
            for (int row : out.get(c).rows()) {
                clusterOfRow[row] = c;
            }
        }
        return new Clusters(List.copyOf(out), clusterOfRow);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    public List<Cluster> list() {
        return clusters;
    }

    /** The cluster index of a row in {@link #list()}, or -1 when the row has no duplicate. */
    public int clusterOf(int row) {
        return clusterOfRow[row];
    }

    /** Rows in some cluster. */
    public int clusteredRows() {
        int n = 0;
        for (Cluster c : clusters) {
            n += c.size();
        }
        return n;
    }

    public int largest() {
        return clusters.isEmpty() ? 0 : clusters.get(0).size();
    }

    /** Pairs of rows that share a cluster: what the clusters claim as duplicates, transitively. */
    public long rowPairs() {
        long n = 0;
        for (Cluster c : clusters) {
            n += (long) c.size() * (c.size() - 1) / 2;
        }
        return n;
    }
}
