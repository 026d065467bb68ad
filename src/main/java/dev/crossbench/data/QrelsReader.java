package dev.crossbench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads relevance judgements: BEIR TSV ({@code query-id<TAB>corpus-id<TAB>score}, normally after a header
 * line) or TREC qrels ({@code qid iteration docid relevance}, whitespace separated, no header). The layout
 * is taken from the first line and every later line must follow it. Grades are integers, as trec_eval
 * requires; a pair judged twice is an error naming both lines.
 */
public final class QrelsReader {
    private QrelsReader() {}

    private enum Layout {
        BEIR(3, 0, 1, 2), TREC(4, 0, 2, 3);

        final int fields;
        final int query;
        final int doc;
        final int grade;

        Layout(int fields, int query, int doc, int grade) {
            this.fields = fields;
            this.query = query;
            this.doc = doc;
            this.grade = grade;
        }
    }

    public static Qrels read(Path file) {
        Map<String, Map<String, Integer>> byQuery = InputFile.read(file, "qrels", lines -> readJudgements(file, lines));
        if (byQuery.isEmpty()) {
            throw new DataFormatException(file, 0, "no judgements: the qrels file is empty");
        }
        return new Qrels(file, byQuery);
    }

    private static Map<String, Map<String, Integer>> readJudgements(Path file, TextLines lines) throws IOException {
        Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        Map<String, Long> lineOfPair = new HashMap<>();
        TextLines.Line line = lines.nextNonBlank();
        if (line == null) {
            return byQuery;
        }
        String[] first = split(line.text());
        Layout layout = layoutOf(file, line.number(), first);
        if (layout == Layout.BEIR && !isGrade(first[2])) {
            line = lines.nextNonBlank(); // the header line: query-id corpus-id score
        }
        for (; line != null; line = lines.nextNonBlank()) {
            String[] f = split(line.text());
            if (f.length != layout.fields) {
                throw new DataFormatException(file, line.number(), f.length + " fields where the first line had "
                        + layout.fields + " (" + describe(layout) + ")");
            }
            String query = f[layout.query];
            String doc = f[layout.doc];
            int grade = grade(file, line.number(), f[layout.grade]);
            Long earlier = lineOfPair.putIfAbsent(query + '\u0000' + doc, line.number());
            if (earlier != null) {
                throw new DataFormatException(file, line.number(), "query '" + query + "' and document '" + doc
                        + "' are judged twice (first on line " + earlier + ")");
            }
            byQuery.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(doc, grade);
        }
        return byQuery;
    }

    private static Layout layoutOf(Path file, long line, String[] fields) {
        if (fields.length == 3) {
            return Layout.BEIR;
        }
        if (fields.length == 4) {
            return Layout.TREC;
        }
        throw new DataFormatException(file, line, "expected BEIR qrels (query-id<TAB>corpus-id<TAB>score) or TREC qrels"
                + " (qid 0 docid relevance), found " + fields.length + " field(s)");
    }

    private static String describe(Layout layout) {
        return layout == Layout.BEIR ? "BEIR: query-id, corpus-id, score" : "TREC: qid, iteration, docid, relevance";
    }

    /** Tabs when the line has any (ids may hold spaces), else runs of whitespace as trec_eval splits. */
    private static String[] split(String line) {
        String s = line.strip();
        return s.indexOf('\t') >= 0 ? s.split("\\s*\t\\s*") : s.split("\\s+");
    }

    private static boolean isGrade(String s) {
        return s.strip().matches("[-+]?\\d+(\\.0*)?");
    }

    private static int grade(Path file, long line, String s) {
        if (!isGrade(s)) {
            throw new DataFormatException(file, line, "relevance grade '" + s + "' is not an integer");
        }
        String digits = s.strip();
        int dot = digits.indexOf('.');
        try {
            return Integer.parseInt(dot >= 0 ? digits.substring(0, dot) : digits);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, "relevance grade '" + s + "' is out of range");
        }
    }
}
