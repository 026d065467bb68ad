package dev.crossbench.model.weights;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.crossbench.data.JsonErrors;
import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed and validated header of a safetensors file: every entry's offsets lie inside the
 * data, match its shape and dtype, and together cover the data without holes or overlaps (the
 * format requires this, and it is what catches truncated or spliced files).
 */
final class SafeTensorsHeader {
    /** The reference implementation refuses larger headers too. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    record Entry(String name, String dtype, long[] shape, long begin, long end) {
        long elementCount() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    final Path file;
    /** Absolute file offset where the data section starts. */
    final long dataStart;
    /** Entries in data order (which is also the order the reference writer lists them). */
    final List<Entry> entries;
    final Map<String, String> metadata;

    private SafeTensorsHeader(Path file, long dataStart, List<Entry> entries, Map<String, String> metadata) {
        this.file = file;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    static int dtypeSize(String dtype) {
        return switch (dtype) {
            case "F64", "I64", "U64" -> 8;
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2" -> 1;
            default -> -1;
        };
    }

    static SafeTensorsHeader read(Path file, FileChannel ch) throws IOException {
        long fileSize = ch.size();
        if (fileSize < 8) {
            throw corrupt(file, "file has " + fileSize + " bytes, less than the 8-byte header length");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0);
        long headerLen = lenBuf.getLong(0);
        if (headerLen < 2 || headerLen > MAX_HEADER_BYTES || headerLen > fileSize - 8) {
            throw corrupt(file, "header length " + Long.toUnsignedString(headerLen) + " does not fit a file of "
                    + fileSize + " bytes");
        }
        ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
        readFully(ch, headerBuf, 8);
        headerBuf.flip();
        JsonObject json = parseJson(file, headerBuf);
        long dataStart = 8 + headerLen;
        return parse(file, json, dataStart, fileSize - dataStart);
    }

    private static JsonObject parseJson(Path file, ByteBuffer headerBuf) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(headerBuf).toString();
        } catch (CharacterCodingException e) {
            throw corrupt(file, "header is not UTF-8");
        }
        if (!text.startsWith("{")) {
            throw corrupt(file, "header does not start with '{'");
        }
        try {
            JsonElement el = JsonParser.parseString(text);
            if (!el.isJsonObject()) {
                throw corrupt(file, "header is not a JSON object");
            }
            return el.getAsJsonObject();
        } catch (JsonParseException e) {
            throw corrupt(file, "header is not valid JSON: " + JsonErrors.brief(e));
        }
    }

    private static SafeTensorsHeader parse(Path file, JsonObject json, long dataStart, long dataLen) {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                readMetadata(file, e.getValue(), metadata);
            } else {
                entries.add(readEntry(file, name, e.getValue(), dataLen));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry en : entries) {
            if (en.begin() != expected) {
                throw corrupt(file, "tensor '" + en.name() + "' starts at byte " + en.begin() + " of the data, expected "
                        + expected + " (tensors must cover the data without gaps or overlaps)");
            }
            expected = en.end();
        }
        if (expected != dataLen) {
            throw corrupt(file, "tensors cover " + expected + " bytes but the data section has " + dataLen);
        }
        return new SafeTensorsHeader(file, dataStart, List.copyOf(entries), metadata);
    }

    private static void readMetadata(Path file, JsonElement value, Map<String, String> out) {
        if (!value.isJsonObject()) {
            throw corrupt(file, "__metadata__ is not an object");
        }
        for (Map.Entry<String, JsonElement> m : value.getAsJsonObject().entrySet()) {
            JsonElement v = m.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw corrupt(file, "__metadata__ value for '" + m.getKey() + "' is not a string");
            }
            out.put(m.getKey(), v.getAsString());
        }
    }

    private static Entry readEntry(Path file, String name, JsonElement value, long dataLen) {
        if (!value.isJsonObject() || !isString(value.getAsJsonObject().get("dtype"))
                || !isArray(value.getAsJsonObject().get("shape"))
                || !isArray(value.getAsJsonObject().get("data_offsets"))) {
            throw corrupt(file, "tensor '" + name + "' needs dtype, shape and data_offsets");
        }
        try {
            JsonObject o = value.getAsJsonObject();
            String dtype = o.get("dtype").getAsString();
            JsonArray shapeJson = o.getAsJsonArray("shape");
            long[] shape = new long[shapeJson.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeJson.get(i).getAsLong();
                if (shape[i] < 0) {
                    throw corrupt(file, "tensor '" + name + "' has a negative dimension");
                }
            }
            JsonArray offsets = o.getAsJsonArray("data_offsets");
            if (offsets.size() != 2) {
                throw corrupt(file, "tensor '" + name + "' data_offsets must hold 2 numbers");
            }
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            if (begin < 0 || end < begin || end > dataLen) {
                throw corrupt(file, "tensor '" + name + "' data_offsets [" + begin + ", " + end
                        + "] lie outside the " + dataLen + " bytes of data");
            }
            Entry entry = new Entry(name, dtype, shape, begin, end);
            int size = dtypeSize(dtype);
            if (size > 0 && Math.multiplyExact(entry.elementCount(), size) != end - begin) {
                throw corrupt(file, "tensor '" + name + "' has " + (end - begin) + " bytes for " + dtype
                        + java.util.Arrays.toString(shape));
            }
            return entry;
        } catch (ArithmeticException e) {
            throw corrupt(file, "tensor '" + name + "' shape is too large");
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw corrupt(file, "tensor '" + name + "' shape and data_offsets must hold integers");
        }
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static boolean isArray(JsonElement e) {
        return e != null && e.isJsonArray();
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new java.io.EOFException("unexpected end of file");
            }
            pos += n;
        }
    }

    static ModelLoadException corrupt(Path file, String why) {
        return new ModelLoadException(file + ": corrupt safetensors (" + why + ")");
    }
}
