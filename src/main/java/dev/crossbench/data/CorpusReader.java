package dev.crossbench.data;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a corpus: BEIR {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}); CSV or TSV with
 * a header naming an id and a text column (title optional); or plain text, one document per line, whose
 * ids are the 1-based line numbers. The format follows the extension (.jsonl/.json, .csv, .tsv); any
 * other file is JSON Lines when its first line starts with '{', else plain text.
 */
public final class CorpusReader {
    private CorpusReader() {}

    public static Corpus read(Path file) {
        List<Document> docs = InputFile.read(file, "corpus", lines -> readDocuments(file, lines));
        if (docs.isEmpty()) {
            throw new DataFormatException(file, 0, "empty corpus: no documents in the file");
        }
        return new Corpus(file, docs);
    }

    private static List<Document> readDocuments(Path file, TextLines lines) throws IOException {
        TextLines.Line first = lines.nextNonBlank();
        if (first == null) {
            return List.of();
        }
        lines.unread(first);
        String ext = InputFile.extension(file);
        if (ext.equals("csv")) {
            return readDelimited(file, new CsvRows(file, lines, InputFile.MAX_LINE_CHARS));
        }
        if (ext.equals("tsv")) {
            return readDelimited(file, new TsvRows(lines));
        }
        if (ext.equals("jsonl") || ext.equals("json") || first.text().strip().startsWith("{")) {
            return readJsonLines(file, lines);
        }
        return readPlainText(file, lines);
    }

    private static List<Document> readJsonLines(Path file, TextLines lines) throws IOException {
        List<Document> docs = new ArrayList<>();
        IdColumns.Seen seen = new IdColumns.Seen(file, "document");
        for (TextLines.Line line = lines.nextNonBlank(); line != null; line = lines.nextNonBlank()) {
            JsonObject o = JsonRecords.parse(file, line);
            String id = JsonRecords.id(file, line.number(), o, IdColumns.DOC_ID_NAMES);
            String title = JsonRecords.text(file, line.number(), o, IdColumns.TITLE_NAMES, false);
            String text = JsonRecords.text(file, line.number(), o, IdColumns.DOC_TEXT_NAMES, true);
            docs.add(document(file, line.number(), seen, id, title, text));
        }
        return docs;
    }

    private static List<Document> readDelimited(Path file, RowSource rows) throws IOException {
        DelimitedRow header = rows.next();
        int idCol = IdColumns.find(header, IdColumns.DOC_ID_NAMES);
        int textCol = IdColumns.find(header, IdColumns.DOC_TEXT_NAMES);
        int titleCol = IdColumns.find(header, IdColumns.TITLE_NAMES);
        if (idCol < 0 || textCol < 0) {
            throw new DataFormatException(file, header.line(), "the header must name an id column (one of "
                    + IdColumns.DOC_ID_NAMES + ") and a text column (one of " + IdColumns.DOC_TEXT_NAMES + "), found "
                    + header.fields() + "; for one document per line without ids use a .txt file");
        }
        List<Document> docs = new ArrayList<>();
        IdColumns.Seen seen = new IdColumns.Seen(file, "document");
        for (DelimitedRow row = rows.next(); row != null; row = rows.next()) {
            if (row.size() != header.size()) {
                throw new DataFormatException(file, row.line(), row.size() + " fields, the header has " + header.size()
                        + (file.toString().endsWith(".tsv") ? " (a tab inside a text?)" : " (a comma inside an unquoted text?)"));
            }
            String id = JsonRecords.requireNonBlankId(file, row.line(), row.field(idCol), "'" + header.field(idCol) + "'");
            String title = titleCol < 0 ? "" : row.field(titleCol);
            docs.add(document(file, row.line(), seen, id, title, row.field(textCol)));
        }
        return docs;
    }

    private static List<Document> readPlainText(Path file, TextLines lines) throws IOException {
        List<Document> docs = new ArrayList<>();
        // Blank lines are documents too: skipping them would shift every later id.
        for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                throw new DataFormatException(file, line.number(), "empty line: each line of a plain-text corpus is one"
                        + " document, and its id is the line number");
            }
            docs.add(new Document(Long.toString(line.number()), "", line.text()));
        }
        return docs;
    }

    private static Document document(Path file, long line, IdColumns.Seen seen, String id, String title, String text) {
        seen.add(id, line);
        if (text.isBlank() && title.isBlank()) {
            throw new DataFormatException(file, line, "document '" + id + "' is empty (no title and no text)");
        }
        return new Document(id, title, text);
    }
}
