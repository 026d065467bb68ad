package dev.crossbench.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds named columns in the header of a CSV/TSV corpus or query file and remembers the line each id
 * was first seen on, so a duplicate is reported with both lines.
 */
final class IdColumns {
    static final List<String> DOC_ID_NAMES = List.of("_id", "id", "doc_id", "docid", "doc-id", "corpus-id", "corpus_id", "pid");
    static final List<String> QUERY_ID_NAMES = List.of("_id", "id", "query_id", "query-id", "qid");
    static final List<String> DOC_TEXT_NAMES = List.of("text", "body", "contents", "content", "passage", "document");
    static final List<String> QUERY_TEXT_NAMES = List.of("text", "query", "question");
    static final List<String> TITLE_NAMES = List.of("title");

    private IdColumns() {}

    /** The index of the first header field whose name is in {@code names}, or -1. */
    static int find(DelimitedRow header, List<String> names) {
        for (String n : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.field(i).strip().toLowerCase(Locale.ROOT).equals(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Tracks ids seen so far; a repeat fails naming both lines. */
    static final class Seen {
        private final Path file;
        private final String what;
        private final Map<String, Long> firstLine = new HashMap<>();

        Seen(Path file, String what) {
            this.file = file;
            this.what = what;
        }

        void add(String id, long line) {
            Long first = firstLine.putIfAbsent(id, line);
            if (first != null) {
                throw new DataFormatException(file, line, "duplicate " + what + " id '" + id + "' (first on line " + first + ")");
            }
        }
    }
}
