package dev.crossbench.data;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads queries: BEIR {@code queries.jsonl} ({@code _id}, {@code text}) or TSV {@code id<TAB>text}, with
 * or without a header line naming the two columns. JSON Lines is recognised by a first line starting with
 * '{', whatever the extension.
 */
public final class QueriesReader {
    private QueriesReader() {}

    public static QuerySet read(Path file) {
        List<Query> queries = InputFile.read(file, "queries", lines -> readQueries(file, lines));
        if (queries.isEmpty()) {
            throw new DataFormatException(file, 0, "no queries: the file is empty");
        }
        return new QuerySet(file, queries);
    }

    private static List<Query> readQueries(Path file, TextLines lines) throws IOException {
        TextLines.Line first = lines.nextNonBlank();
        if (first == null) {
            return List.of();
        }
        lines.unread(first);
        return first.text().strip().startsWith("{") ? readJsonLines(file, lines) : readTsv(file, new TsvRows(lines));
    }

    private static List<Query> readJsonLines(Path file, TextLines lines) throws IOException {
        List<Query> queries = new ArrayList<>();
        IdColumns.Seen seen = new IdColumns.Seen(file, "query");
        for (TextLines.Line line = lines.nextNonBlank(); line != null; line = lines.nextNonBlank()) {
            JsonObject o = JsonRecords.parse(file, line);
            String id = JsonRecords.id(file, line.number(), o, IdColumns.QUERY_ID_NAMES);
            String text = JsonRecords.text(file, line.number(), o, IdColumns.QUERY_TEXT_NAMES, true);
            queries.add(query(file, line.number(), seen, id, text));
        }
        return queries;
    }

    private static List<Query> readTsv(Path file, RowSource rows) throws IOException {
        List<Query> queries = new ArrayList<>();
        IdColumns.Seen seen = new IdColumns.Seen(file, "query");
        DelimitedRow row = rows.next();
        int idCol = 0;
        int textCol = 1;
        int headerId = IdColumns.find(row, IdColumns.QUERY_ID_NAMES);
        int headerText = IdColumns.find(row, IdColumns.QUERY_TEXT_NAMES);
        if (headerId >= 0 && headerText >= 0) {
            idCol = headerId;
            textCol = headerText;
            row = rows.next();
        }
        int width = Math.max(idCol, textCol) + 1;
        for (; row != null; row = rows.next()) {
            if (row.size() < width) {
                throw new DataFormatException(file, row.line(), "expected id<TAB>text, found " + row.size()
                        + " field(s); JSON Lines queries start each line with '{'");
            }
            String id = JsonRecords.requireNonBlankId(file, row.line(), row.field(idCol), "column " + (idCol + 1));
            queries.add(query(file, row.line(), seen, id, row.field(textCol)));
        }
        return queries;
    }

    private static Query query(Path file, long line, IdColumns.Seen seen, String id, String text) {
        seen.add(id, line);
        if (text.isBlank()) {
            throw new DataFormatException(file, line, "query '" + id + "' has an empty text");
        }
        return new Query(id, text);
    }
}
