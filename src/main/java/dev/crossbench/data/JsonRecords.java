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
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

/** One JSON object per line (JSON Lines), with field access that names file, line and field in errors. */
final class JsonRecords {
    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    private JsonRecords() {}

    static JsonObject parse(Path file, TextLines.Line line) {
        JsonReader reader = new JsonReader(new StringReader(line.text()));
        reader.setStrictness(Strictness.STRICT);
        JsonElement element;
        try {
            element = ELEMENTS.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new DataFormatException(file, line.number(),
                        "invalid JSON: text after the object (JSON Lines holds one object per line)");
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new DataFormatException(file, line.number(), "invalid JSON: " + JsonErrors.brief(e)
                    + " (JSON Lines needs each whole object on one line)");
        }
        if (!element.isJsonObject()) {
            throw new DataFormatException(file, line.number(), "expected a JSON object on each line, found "
                    + abbreviate(element));
        }
        return element.getAsJsonObject();
    }

    /** The first of {@code names} present in the object, or null. */
    static String firstKey(JsonObject o, List<String> names) {
        for (String n : names) {
            if (o.has(n)) {
                return n;
            }
        }
        return null;
    }

    /** An id: a JSON string or an integer number (some exports write numeric ids). */
    static String id(Path file, long line, JsonObject o, List<String> names) {
        String key = firstKey(o, names);
        if (key == null) {
            throw new DataFormatException(file, line, "no id field: expected one of " + names + ", found " + o.keySet());
        }
        JsonElement v = o.get(key);
        if (v.isJsonPrimitive() && ((JsonPrimitive) v).isString()) {
            return requireNonBlankId(file, line, v.getAsString(), key);
        }
        if (v.isJsonPrimitive() && ((JsonPrimitive) v).isNumber() && v.getAsString().matches("-?\\d+")) {
            return v.getAsString();
        }
        throw new DataFormatException(file, line, "field \"" + key + "\" must be a string id, found " + abbreviate(v));
    }

    /** A text field; {@code required} false gives "" when absent or null. */
    static String text(Path file, long line, JsonObject o, List<String> names, boolean required) {
        String key = firstKey(o, names);
        if (key == null || o.get(key).isJsonNull()) {
            if (required) {
                throw new DataFormatException(file, line, "no text field: expected one of " + names + ", found " + o.keySet());
            }
            return "";
        }
        JsonElement v = o.get(key);
        if (v.isJsonPrimitive() && ((JsonPrimitive) v).isString()) {
            return v.getAsString();
        }
        throw new DataFormatException(file, line, "field \"" + key + "\" must be a string, found " + abbreviate(v));
    }

    static String requireNonBlankId(Path file, long line, String id, String field) {
        String s = id.strip();
        if (s.isEmpty()) {
            throw new DataFormatException(file, line, "empty id (field " + field + ")");
        }
        return s;
    }

    private static String abbreviate(JsonElement e) {
        String s = e.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
