package dev.crossbench.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ranking groups as JSON Lines: {@code {"query_id": "...", "query": "...", "positives": [...], "negatives": [...]}},
 * written by {@code mine-negatives --groups} and read by {@code train cross --loss listwise}.
 */
public final class RankingGroupFile {
    private RankingGroupFile() {}

    public static List<RankingGroup> read(Path file) {
        List<RankingGroup> groups = InputFile.read(file, "ranking groups", lines -> readGroups(file, lines));
        if (groups.isEmpty()) {
            throw new DataFormatException(file, 0, "no ranking groups: the file is empty");
        }
        return groups;
    }

    private static List<RankingGroup> readGroups(Path file, TextLines lines) throws IOException {
        List<RankingGroup> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TextLines.Line line = lines.nextNonBlank(); line != null; line = lines.nextNonBlank()) {
            JsonObject o = JsonRecords.parse(file, line);
            if (!o.has("positives") && o.has("sentence1")) {
                throw new DataFormatException(file, line.number(), "this is a pair file (sentence1/sentence2/score); listwise"
                        + " training reads ranking groups (query_id, query, positives, negatives), as written by"
                        + " `crossbench mine-negatives --groups`");
            }
            String id = JsonRecords.id(file, line.number(), o, List.of("query_id"));
            if (!seen.add(id)) {
                throw new DataFormatException(file, line.number(), "duplicate query_id '" + id + "'");
            }
            String query = JsonRecords.text(file, line.number(), o, List.of("query"), true);
            if (query.isBlank()) {
                throw new DataFormatException(file, line.number(), "empty query text (query_id " + id + ")");
            }
            List<String> positives = texts(file, line.number(), o, "positives");
            if (positives.isEmpty()) {
                throw new DataFormatException(file, line.number(), "\"positives\" is empty (query_id " + id
                        + "): a group needs at least one relevant document");
            }
            groups.add(new RankingGroup(id, query, positives, texts(file, line.number(), o, "negatives")));
        }
        return groups;
    }

    private static List<String> texts(Path file, long line, JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray()) {
            throw new DataFormatException(file, line, "field \"" + field + "\" must be an array of document texts"
                    + (e == null ? ", found no such field in " + o.keySet() : ""));
        }
        List<String> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            JsonElement t = a.get(i);
            if (!t.isJsonPrimitive() || !t.getAsJsonPrimitive().isString() || t.getAsString().isBlank()) {
                throw new DataFormatException(file, line, "\"" + field + "\"[" + i + "] must be a non-empty text");
            }
            out.add(t.getAsString());
        }
        return out;
    }

    public static void write(Path file, List<RankingGroup> groups) {
        AtomicFile.writeText(file, "ranking groups", w -> {
            for (RankingGroup g : groups) {
                JsonObject o = new JsonObject();
                o.addProperty("query_id", g.queryId());
                o.addProperty("query", g.query());
                o.add("positives", array(g.positives()));
                o.add("negatives", array(g.negatives()));
                w.write(o.toString());
                w.write('\n');
            }
        });
    }

    private static JsonArray array(List<String> texts) {
        JsonArray a = new JsonArray();
        texts.forEach(a::add);
        return a;
    }
}
