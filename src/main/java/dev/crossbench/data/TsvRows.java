package dev.crossbench.data;

import java.io.IOException;
import java.util.Arrays;

/**
 * Tab-separated records, one per line, split on TAB only: TSV has no quoting, so quote characters are
 * part of the text (STS-B sentences contain unbalanced quotes that a CSV parser would misread).
 */
final class TsvRows implements RowSource {
    private final TextLines lines;

    TsvRows(TextLines lines) {
        this.lines = lines;
    }

    static String[] split(String line) {
        return line.split("\t", -1);
    }

    @Override
    public DelimitedRow next() throws IOException {
        TextLines.Line line = lines.nextNonBlank();
        return line == null ? null : new DelimitedRow(line.number(), Arrays.asList(split(line.text())));
    }
}
