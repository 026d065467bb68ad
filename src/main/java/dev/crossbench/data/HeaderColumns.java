package dev.crossbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Which column of a delimited file's header holds sentence1, sentence2 and the score. */
final class HeaderColumns {
    private final List<String> names;
    private final Map<PairColumn, Integer> indexes;

    private HeaderColumns(List<String> names, Map<PairColumn, Integer> indexes) {
        this.names = names;
        this.indexes = indexes;
    }

    static HeaderColumns of(Path file, DelimitedRow header) {
        Map<PairColumn, Integer> indexes = new EnumMap<>(PairColumn.class);
        for (PairColumn column : PairColumn.values()) {
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i < header.size(); i++) {
                int rank = column.rank(header.field(i));
                if (rank >= 0 && rank < bestRank) {
                    bestRank = rank;
                    indexes.put(column, i);
                }
            }
        }
        if (indexes.size() < PairColumn.values().length) {
            List<String> missing = new ArrayList<>();
            for (PairColumn column : PairColumn.values()) {
                if (!indexes.containsKey(column)) {
                    missing.add(column.role());
                }
            }
            String hint = indexes.isEmpty() ? "; the first line must be a header naming the columns" : "";
            throw new DataFormatException(file, header.line(), "no column for " + String.join(", ", missing)
                    + " in the header: found " + describe(header.fields()) + "; " + PairColumn.expected("columns") + hint);
        }
        return new HeaderColumns(List.copyOf(header.fields()), indexes);
    }

    int index(PairColumn column) {
        return indexes.get(column);
    }

    /** The header's own spelling of the column filling a role, for messages. */
    String name(PairColumn column) {
        return names.get(index(column)).strip();
    }

    int count() {
        return names.size();
    }

    private static String describe(List<String> fields) {
        List<String> shown = new ArrayList<>();
        for (String f : fields) {
            String s = f.strip();
            shown.add("'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'");
            if (shown.size() == 12) {
                shown.add("...");
                break;
            }
        }
        return "[" + String.join(", ", shown) + "]";
    }
}
