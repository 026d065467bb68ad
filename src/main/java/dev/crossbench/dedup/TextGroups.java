package dev.crossbench.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows whose texts are identical, found by hashing before any model runs: each distinct text is one group,
 * encoded and compared once, and the copies of a text are duplicates of its first row without a comparison.
 * Texts are compared exactly as the model reads them (case and inner spacing count).
 */
public final class TextGroups {
    private final int[] groupOfRow;
    private final int[][] rowsOfGroup;

    private TextGroups(int[] groupOfRow, int[][] rowsOfGroup) {
        this.groupOfRow = groupOfRow;
        this.rowsOfGroup = rowsOfGroup;
    }

    public static TextGroups of(List<String> texts) {
        Map<String, Integer> groupOfText = new HashMap<>(texts.size() * 2);
        int[] groupOfRow = new int[texts.size()];
        List<List<Integer>> rows = new ArrayList<>();
        for (int r = 0; r < texts.size(); r++) {
            Integer g = groupOfText.get(texts.get(r));
            if (g == null) {
                g = rows.size();
                groupOfText.put(texts.get(r), g);
                rows.add(new ArrayList<>(1));
            }
            groupOfRow[r] = g;
            rows.get(g).add(r);
        }
        int[][] rowsOfGroup = new int[rows.size()][];
        for (int g = 0; g < rowsOfGroup.length; g++) {
            rowsOfGroup[g] = rows.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
        return new TextGroups(groupOfRow, rowsOfGroup);
    }

    /** Input rows. */
    public int rows() {
        return groupOfRow.length;
    }

    /** Distinct texts. */
    public int groups() {
        return rowsOfGroup.length;
    }

    public int groupOf(int row) {
        return groupOfRow[row];
    }

    /** The rows holding a group's text, in input order; the first one stands for the group. */
    public int[] rowsOf(int group) {
        return rowsOfGroup[group].clone();
    }

    public int firstRow(int group) {
        return rowsOfGroup[group][0];
    }

    public int size(int group) {
        return rowsOfGroup[group].length;
    }

    /** Rows that repeat an earlier row's text exactly. */
    public int copies() {
        return rows() - groups();
    }

    /** Texts that occur more than once. */
    public int repeatedTexts() {
        int n = 0;
        for (int[] rows : rowsOfGroup) {
            n += rows.length > 1 ? 1 : 0;
        }
        return n;
    }

    /** Pairs of rows with identical texts: the sum over texts of m(m-1)/2. */
    public long identicalPairs() {
        long n = 0;
        for (int[] rows : rowsOfGroup) {
            n += (long) rows.length * (rows.length - 1) / 2;
        }
        return n;
    }
}
