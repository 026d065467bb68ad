package dev.crossbench.data;

/** Writing side of {@link CsvRows}: one field as RFC 4180 wants it, so that every CSV the project writes reads back. */
public final class CsvField {
    private CsvField() {}

    /** The field, quoted when it holds a comma, a quote or a line break (quotes doubled); null as empty. */
    public static String quote(String field) {
        String f = field == null ? "" : field;
        boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
        return quote ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }
}
