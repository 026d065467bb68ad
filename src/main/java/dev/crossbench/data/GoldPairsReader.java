package dev.crossbench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads gold duplicate pairs in one of two shapes, told apart by the first line:
 *
 * <ul>
 *   <li>CSV/TSV whose header names two id columns ({@code id1,id2}, {@code qid1,qid2} as in Quora Question
 *       Pairs, {@code id_a,id_b}, ...) and optionally a 0/1 label column ({@code is_duplicate}, {@code label},
 *       {@code duplicate}): rows labelled 1, or every row when there is no label, are duplicate id pairs;
 *   <li>any labeled pairs file {@link PairReader} reads (the original STS-B TSV, CSV/TSV/JSONL with
 *       sentence1, sentence2, score): pairs whose score is at least {@code minScore} are duplicate text pairs.
 * </ul>
 */
public final class GoldPairsReader {
    static final List<String> FIRST_ID_NAMES = List.of("id1", "qid1", "id_1", "id_a", "ida", "doc1", "doc_id1", "id_left");
    static final List<String> SECOND_ID_NAMES = List.of("id2", "qid2", "id_2", "id_b", "idb", "doc2", "doc_id2", "id_right");
    static final List<String> LABEL_NAMES = List.of("is_duplicate", "duplicate", "is_paraphrase", "label");

    private GoldPairsReader() {}

    public static GoldPairs read(Path file, double minScore) {
        GoldPairs ids = InputFile.read(file, "gold pairs", lines -> readIdPairs(file, lines));
        if (ids != null) {
            return ids;
        }
        return of(PairReader.read(file), file, minScore);
    }

    /** The pairs of labeled pairs already read whose score is at least {@code minScore}, as duplicate text pairs. */
    public static GoldPairs of(PairDataset data, Path file, double minScore) {
        List<GoldPairs.Pair> pairs = new ArrayList<>();
        List<GoldPairs.Pair> judged = new ArrayList<>();
        for (LabeledPair p : data.pairs()) {
            GoldPairs.Pair pair = new GoldPairs.Pair(p.sentence1(), p.sentence2());
            judged.add(pair);
            if (p.score() >= minScore) {
                pairs.add(pair);
            }
        }
        return new GoldPairs(file, GoldPairs.Kind.TEXTS, pairs, judged, data.size(), "score >= " + minScore);
    }

    /** Id pairs when the header names two id columns, else null (the file is read as labeled pairs). */
    private static GoldPairs readIdPairs(Path file, TextLines lines) throws IOException {
        TextLines.Line first = lines.nextNonBlank();
        if (first == null) {
            throw new DataFormatException(file, 0, "no pairs: the file is empty");
        }
        lines.unread(first);
        boolean tsv = InputFile.extension(file).equals("tsv") || first.text().indexOf('\t') >= 0;
        RowSource rows = tsv ? new TsvRows(lines) : new CsvRows(file, lines, InputFile.MAX_LINE_CHARS);
        DelimitedRow header = rows.next();
        int firstCol = IdColumns.find(header, FIRST_ID_NAMES);
        int secondCol = IdColumns.find(header, SECOND_ID_NAMES);
        if (firstCol < 0 || secondCol < 0) {
            return null;
        }
        int labelCol = IdColumns.find(header, LABEL_NAMES);
        List<GoldPairs.Pair> pairs = new ArrayList<>();
        List<GoldPairs.Pair> judged = new ArrayList<>();
        int count = 0;
        for (DelimitedRow row = rows.next(); row != null; row = rows.next()) {
            if (row.size() != header.size()) {
                throw new DataFormatException(file, row.line(), row.size() + " fields, the header has " + header.size()
                        + (tsv ? " (a tab inside a field?)" : " (a comma inside an unquoted field?)"));
            }
            count++;
            String a = JsonRecords.requireNonBlankId(file, row.line(), row.field(firstCol), "'" + header.field(firstCol) + "'");
            String b = JsonRecords.requireNonBlankId(file, row.line(), row.field(secondCol), "'" + header.field(secondCol) + "'");
            GoldPairs.Pair pair = new GoldPairs.Pair(a, b);
            judged.add(pair);
            if (labelCol < 0 || isDuplicate(file, row.line(), row.field(labelCol), header.field(labelCol))) {
                pairs.add(pair);
            }
        }
        if (count == 0) {
            throw new DataFormatException(file, header.line(), "no pairs: the file has a header but no rows");
        }
        String rule = labelCol < 0 ? "every row" : header.field(labelCol).strip() + " = 1";
        return new GoldPairs(file, GoldPairs.Kind.IDS, pairs, labelCol < 0 ? null : judged, count, rule);
    }

    private static boolean isDuplicate(Path file, long line, String value, String column) {
        return switch (value.strip()) {
            case "1", "1.0", "true", "True", "TRUE" -> true;
            case "0", "0.0", "false", "False", "FALSE" -> false;
            default -> throw new DataFormatException(file, line, "label '" + abbreviate(value.strip()) + "' in column '"
                    + column.strip() + "' is not 0 or 1");
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
