package dev.crossbench.data;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads JSON Lines: one object per line with sentence1/sentence2/score fields or their aliases. */
final class JsonLinesPairs {
    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);
    // Python's json.dumps writes NaN/Infinity, which is not JSON; spot it to say what is really wrong.
    private static final Pattern NON_FINITE_VALUE =
            Pattern.compile("\"([^\"]+)\"\\s*:\\s*([-+]?(?:NaN|Infinity))");

    private JsonLinesPairs() {
    }

    static List<LabeledPair> read(TextLines lines, PairFields fields, Path file) throws IOException {
        List<LabeledPair> pairs = new ArrayList<>();
        for (TextLines.Line line = lines.nextNonBlank(); line != null; line = lines.nextNonBlank()) {
            JsonObject object = parseObject(file, line);
            pairs.add(toPair(file, line.number(), object, fields));
        }
        return pairs;
    }

    private static JsonObject parseObject(Path file, TextLines.Line line) {
        JsonReader reader = new JsonReader(new StringReader(line.text()));
        reader.setStrictness(Strictness.STRICT);
        JsonElement element;
        try {
            element = ELEMENTS.read(reader);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            Matcher nonFinite = NON_FINITE_VALUE.matcher(line.text());
            if (nonFinite.find() && PairColumn.SCORE.rank(nonFinite.group(1)) >= 0) {
                throw new DataFormatException(file, line.number(), "score '" + nonFinite.group(2)
                        + "' is not a finite number (field \"" + nonFinite.group(1) + "\")");
            }
            throw new DataFormatException(file, line.number(), "invalid JSON: " + explain(e));
        }
        if (!endsAfterValue(reader)) {
            throw new DataFormatException(file, line.number(),
                    "invalid JSON: text after the object (JSON Lines holds one object per line)");
        }
        if (!element.isJsonObject()) {
            throw new DataFormatException(file, line.number(),
                    "expected a JSON object on each line, found " + kind(element));
        }
        return element.getAsJsonObject();
    }

    private static LabeledPair toPair(Path file, long line, JsonObject object, PairFields fields) {
        String[] keys = new String[PairColumn.values().length];
        String[] where = new String[keys.length];
        List<String> missing = new ArrayList<>();
        for (PairColumn column : PairColumn.values()) {
            String key = bestKey(object, column);
            if (key == null) {
                missing.add(column.role());
            } else {
                keys[column.ordinal()] = key;
                where[column.ordinal()] = " (field \"" + key + "\")";
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(file, line, "no field for " + String.join(", ", missing) + ": found "
                    + object.keySet() + "; " + PairColumn.expected("fields"));
        }
        String s1 = string(file, line, object.get(keys[0]), PairColumn.SENTENCE1, where[0]);
        String s2 = string(file, line, object.get(keys[1]), PairColumn.SENTENCE2, where[1]);
        JsonElement score = object.get(keys[2]);
        if (!score.isJsonPrimitive() || ((JsonPrimitive) score).isBoolean()) {
            throw new DataFormatException(file, line, "score must be a number, found " + abbreviate(score) + where[2]);
        }
        return fields.pair(line, s1, s2, score.getAsString(), where);
    }

    private static String bestKey(JsonObject object, PairColumn column) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (String key : object.keySet()) {
            int rank = column.rank(key);
            if (rank >= 0 && rank < bestRank) {
                bestRank = rank;
                best = key;
            }
        }
        return best;
    }

    private static String string(Path file, long line, JsonElement value, PairColumn column, String where) {
        if (value.isJsonPrimitive() && ((JsonPrimitive) value).isString()) {
            return value.getAsString();
        }
        throw new DataFormatException(file, line, column.role() + " must be a JSON string, found "
                + abbreviate(value) + where);
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        return "the value " + abbreviate(e);
    }

    private static String abbreviate(JsonElement e) {
        String s = e.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static boolean endsAfterValue(JsonReader reader) {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            return false;
        }
    }

    /** Gson's message in user terms: no troubleshooting link, no advice to switch Gson to lenient mode. */
    private static String explain(Exception e) {
        if (e instanceof EOFException) {
            return "the line ends before the JSON object is complete"
                    + " (JSON Lines needs each whole object on one line)";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int link = m.indexOf("\nSee ");
        m = link >= 0 ? m.substring(0, link) : m;
        m = m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
                "not standard JSON (unquoted or single-quoted text, NaN, or a comment?)");
        int path = m.indexOf(" path $");
        m = path >= 0 ? m.substring(0, path) : m;
        return m.replace(" at line 1 column ", " at column ").replace('\n', ' ').strip();
    }
}
