package dev.crossbench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated records as in RFC 4180: a field that starts with a double quote runs to the next lone
 * quote, may hold commas and line breaks, and writes a quote as two. A quote inside an unquoted field is
 * kept as text, as Python's csv module does. Line breaks inside a quoted field become LF.
 */
final class CsvRows implements RowSource {
    private static final char QUOTE = '"';
    private static final char COMMA = ',';

    private final Path file;
    private final TextLines lines;
    private final int maxRecordChars;

    CsvRows(Path file, TextLines lines, int maxRecordChars) {
        this.file = file;
        this.lines = lines;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public DelimitedRow next() throws IOException {
        TextLines.Line first = lines.nextNonBlank();
        if (first == null) {
            return null;
        }
        long startLine = first.number();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = first.text();
        int recordChars = text.length();
        int i = 0;
        boolean fieldStart = true;
        while (true) {
            if (i >= text.length()) {
                fields.add(field.toString());
                return new DelimitedRow(startLine, fields);
            }
            char c = text.charAt(i);
            if (fieldStart && c == QUOTE) {
                // Quoted field: read to the closing quote, pulling in further lines as needed.
                long quoteLine = lines.lineNumber();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        TextLines.Line more = lines.next();
                        if (more == null) {
                            throw new DataFormatException(file, quoteLine,
                                    "the quoted field opened on this line is never closed (a missing '\"'?)");
                        }
                        recordChars += more.text().length() + 1;
                        if (recordChars > maxRecordChars) {
                            throw new DataFormatException(file, quoteLine, "the quoted field opened on this line runs"
                                    + " past " + maxRecordChars + " characters (a missing closing '\"'?)");
                        }
                        field.append('\n');
                        text = more.text();
                        i = 0;
                        continue;
                    }
                    char q = text.charAt(i++);
                    if (q != QUOTE) {
                        field.append(q);
                    } else if (i < text.length() && text.charAt(i) == QUOTE) {
                        field.append(QUOTE); // a doubled quote is one quote character
                        i++;
                    } else {
                        break;
                    }
                }
                // After the closing quote only spaces may come before the comma or the end of the record.
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                if (i < text.length() && text.charAt(i) != COMMA) {
                    throw new DataFormatException(file, lines.lineNumber(), "text after the closing quote of field "
                            + (fields.size() + 1) + " (write a quote inside a quoted field as \"\")");
                }
                fieldStart = false;
                continue;
            }
            if (c == COMMA) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else {
                field.append(c);
                fieldStart = false;
            }
            i++;
        }
    }
}
