package dev.crossbench.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a file dropped on the window holds, guessed from its name and its first lines, so one drop
 * target serves pairs and the three retrieval files. The name decides first (BEIR names its files
 * corpus.jsonl, queries.jsonl, qrels/test.tsv); then the content: JSON Lines with a title is a
 * corpus, with only an id and a text it is queries; lines of 3 or 4 id-like fields ending in an
 * integer grade are qrels; two tab-separated columns, an id and a text, are queries; a CSV/TSV
 * header naming an id and a text column is a corpus. Anything else is read as labeled pairs, as
 * every drop was before, so the pairs reader reports what is wrong with it.
 */
public enum FileKind {
    PAIRS("pairs"), CORPUS("corpus"), QUERIES("queries"), QRELS("qrels");

    private static final int LINES_READ = 6;
    private static final int MAX_LINE_CHARS = 20_000;
    private static final Set<String> PAIR_KEYS = Set.of("sentence1", "sentence2", "text1", "text2", "score", "label");
    private static final Set<String> ID_NAMES = Set.of("_id", "id", "doc_id", "docid", "doc-id", "corpus-id", "corpus_id", "pid");
    private static final Set<String> TEXT_NAMES = Set.of("text", "body", "contents", "content", "passage", "document");

    private final String label;

    FileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads at most the first few lines; call off the FX thread. */
    public static FileKind detect(Path file) {
        FileKind byName = byName(file.getFileName().toString().toLowerCase(Locale.ROOT));
        return byName != null ? byName : byContent(firstLines(file));
    }

    static FileKind byName(String name) {
        if (name.contains("qrels")) {
            return QRELS;
        }
        if (name.contains("corpus")) {
            return CORPUS;
        }
        if (name.contains("quer")) {
            return QUERIES;
        }
        if (name.contains("pairs")) {
            return PAIRS;
        }
        return null;
    }

    static FileKind byContent(List<String> lines) {
        if (lines.isEmpty()) {
            return PAIRS;
        }
        String first = lines.get(0).strip();
        if (first.startsWith("{")) {
            return byJsonKeys(first);
        }
        if (looksLikeQrels(lines)) {
            return QRELS;
        }
        if (looksLikeQueries(lines)) {
            return QUERIES;
        }
        return namesIdAndText(first) ? CORPUS : PAIRS;
    }

    private static FileKind byJsonKeys(String line) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) {
                return PAIRS;
            }
            o = e.getAsJsonObject();
        } catch (RuntimeException e) {
            return PAIRS;
        }
        if (o.keySet().stream().anyMatch(PAIR_KEYS::contains)) {
            return PAIRS;
        }
        boolean id = o.has("_id") || o.has("id");
        if (id && o.has("title")) {
            return CORPUS;
        }
        return id && o.has("text") ? QUERIES : PAIRS;
    }

    /** BEIR (query, doc, grade) or TREC (qid, iteration, doc, grade): short id-like fields, an integer last. */
    private static boolean looksLikeQrels(List<String> lines) {
        List<String> rows = lines;
        String[] head = fields(lines.get(0));
        if (head.length == 3 && head[0].toLowerCase(Locale.ROOT).contains("query") && !isInteger(head[2])) {
            rows = lines.subList(1, lines.size());
        }
        if (rows.isEmpty()) {
            return head.length == 3;
        }
        for (String line : rows) {
            String[] f = fields(line);
            if ((f.length != 3 && f.length != 4) || !isInteger(f[f.length - 1])) {
                return false;
            }
        }
        return true;
    }

    /** id TAB text: an id without spaces, then a text with them. */
    private static boolean looksLikeQueries(List<String> lines) {
        for (String line : lines) {
            String[] f = line.strip().split("\t", -1);
            if (f.length != 2 || f[0].isBlank() || f[0].strip().contains(" ")) {
                return false;
            }
        }
        return lines.stream().anyMatch(l -> l.split("\t", -1)[1].strip().contains(" "));
    }

    private static boolean namesIdAndText(String header) {
        String[] f = header.toLowerCase(Locale.ROOT).split(header.indexOf('\t') >= 0 ? "\t" : ",");
        boolean id = false;
        boolean text = false;
        for (String name : f) {
            String n = name.strip().replace("\"", "");
            id |= ID_NAMES.contains(n);
            text |= TEXT_NAMES.contains(n);
        }
        return id && text;
    }

    private static String[] fields(String line) {
        String s = line.strip();
        return s.indexOf('\t') >= 0 ? s.split("\\s*\t\\s*") : s.split("\\s+");
    }

    private static boolean isInteger(String s) {
        return s.strip().matches("[-+]?\\d+(\\.0*)?");
    }

    private static List<String> firstLines(Path file) {
        List<String> lines = new ArrayList<>();
        // InputStreamReader replaces bytes that are not UTF-8 instead of failing: the reader reports them.
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            char[] buf = new char[MAX_LINE_CHARS * LINES_READ];
            int n = r.read(buf);
            if (n <= 0) {
                return lines;
            }
            String text = new String(buf, 0, n).replace("\uFEFF", "");
            String[] split = text.split("\r?\n", -1);
            // The last piece may be cut off mid-line; use it only when it is the whole file.
            int usable = n < buf.length ? split.length : split.length - 1;
            for (int i = 0; i < usable && lines.size() < LINES_READ; i++) {
                if (!split[i].isBlank()) {
                    lines.add(split[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return lines;
    }
}
