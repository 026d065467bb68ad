package dev.crossbench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads pairs from the original STS-B TSV (no header) and from CSV/TSV files whose header names the columns. */
final class DelimitedPairs {
    /** STS-B columns: genre, file, year, id, score, sentence1, sentence2, then optional source columns. */
    private static final int STSB_SCORE = 4;
    private static final int STSB_SENTENCE1 = 5;
    private static final int STSB_SENTENCE2 = 6;
    private static final int STSB_MIN_COLUMNS = 7;
    private static final String[] STSB_WHERE = {" (column 6)", " (column 7)", " (column 5)"};

    private DelimitedPairs() {
    }

    /** The STS-B layout: no header, at least 7 TAB-separated columns and a number in column 5. */
    static boolean looksLikeStsb(String firstLine) {
        String[] columns = TsvRows.split(firstLine);
        return columns.length >= STSB_MIN_COLUMNS && PairFields.isNumber(columns[STSB_SCORE]);
    }

    static List<LabeledPair> readStsb(RowSource rows, PairFields fields, Path file) throws IOException {
        List<LabeledPair> pairs = new ArrayList<>();
        for (DelimitedRow row = rows.next(); row != null; row = rows.next()) {
            if (row.size() < STSB_MIN_COLUMNS) {
                throw new DataFormatException(file, row.line(), "expected at least " + STSB_MIN_COLUMNS
                        + " columns (STS-B: genre, file, year, id, score, sentence1, sentence2), found " + row.size());
            }
            pairs.add(fields.pair(row.line(), row.field(STSB_SENTENCE1), row.field(STSB_SENTENCE2),
                    row.field(STSB_SCORE), STSB_WHERE));
        }
        return pairs;
    }

    /** @param separatorHint what to suggest when a row has too many fields, e.g. "a tab inside a text?" */
    static List<LabeledPair> readWithHeader(RowSource rows, PairFields fields, Path file, String separatorHint)
            throws IOException {
        DelimitedRow headerRow = rows.next();
        HeaderColumns header = HeaderColumns.of(file, headerRow);
        String[] where = new String[PairColumn.values().length];
        for (PairColumn column : PairColumn.values()) {
            where[column.ordinal()] = " (column '" + header.name(column) + "')";
        }
        List<LabeledPair> pairs = new ArrayList<>();
        for (DelimitedRow row = rows.next(); row != null; row = rows.next()) {
            checkColumnCount(file, row, header.count(), separatorHint);
            pairs.add(fields.pair(row.line(), row.field(header.index(PairColumn.SENTENCE1)),
                    row.field(header.index(PairColumn.SENTENCE2)), row.field(header.index(PairColumn.SCORE)), where));
        }
        if (pairs.isEmpty()) {
            throw new DataFormatException(file, headerRow.line(), "no pairs: the file has a header but no rows");
        }
        return pairs;
    }

    private static void checkColumnCount(Path file, DelimitedRow row, int expected, String separatorHint) {
        if (row.size() < expected) {
            throw new DataFormatException(file, row.line(), "expected " + expected + " columns, found " + row.size());
        }
        // Extra empty fields (a trailing separator, as spreadsheets write) are harmless; extra text is not.
        for (int i = expected; i < row.size(); i++) {
            if (!row.field(i).isBlank()) {
                throw new DataFormatException(file, row.line(), "expected " + expected + " columns, found "
                        + row.size() + " (" + separatorHint + ")");
            }
        }
    }
}
