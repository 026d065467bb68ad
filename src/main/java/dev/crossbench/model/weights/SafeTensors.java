package dev.crossbench.model.weights;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format: 8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and byte range, then raw little-endian data. Reads F32/F16/BF16 as float; writes F32.
 */
public final class SafeTensors {
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private SafeTensors() {}

    public static Map<String, FloatTensor> read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            JsonObject header = header(ch, file);
            long headerLen = headerLength(ch, file);
            long dataStart = 8 + headerLen;
            long dataLen = size - dataStart;
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, dataStart, dataLen).order(ByteOrder.LITTLE_ENDIAN);
            Map<String, FloatTensor> out = new LinkedHashMap<>();
            List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(header.entrySet());
            entries.removeIf(e -> e.getKey().equals("__metadata__"));
            entries.sort(Comparator.comparingLong(e -> e.getValue().getAsJsonObject().getAsJsonArray("data_offsets").get(0).getAsLong()));
            for (Map.Entry<String, JsonElement> e : entries) {
                out.put(e.getKey(), tensor(file, e.getKey(), e.getValue().getAsJsonObject(), data, dataLen));
            }
            return out;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelLoadException(file + ": file not found");
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (IllegalStateException | ClassCastException | NullPointerException | com.google.gson.JsonParseException e) {
            throw new ModelLoadException(file + ": corrupt safetensors (" + e.getMessage() + ")", e);
        }
    }

    public static Map<String, String> readMetadata(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            JsonObject header = header(ch, file);
            Map<String, String> meta = new LinkedHashMap<>();
            if (header.has("__metadata__")) {
                header.getAsJsonObject("__metadata__").entrySet().forEach(e -> meta.put(e.getKey(), e.getValue().getAsString()));
            }
            return meta;
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static long headerLength(FileChannel ch, Path file) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        if (ch.read(len, 0) != 8) {
            throw new ModelLoadException(file + ": corrupt safetensors (shorter than 8 bytes)");
        }
        long n = len.getLong(0);
        if (n <= 0 || n > MAX_HEADER || 8 + n > ch.size()) {
            throw new ModelLoadException(file + ": corrupt safetensors (header length " + n + " does not fit a file of "
                    + ch.size() + " bytes)");
        }
        return n;
    }

    private static JsonObject header(FileChannel ch, Path file) throws IOException {
        long n = headerLength(ch, file);
        ByteBuffer h = ByteBuffer.allocate((int) n);
        ch.read(h, 8);
        try {
            return JsonParser.parseString(new String(h.array(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new ModelLoadException(file + ": corrupt safetensors (header is not JSON: " + e.getMessage() + ")", e);
        }
    }

    private static FloatTensor tensor(Path file, String name, JsonObject info, ByteBuffer data, long dataLen) {
        String dtype = info.get("dtype").getAsString();
        var shapeJson = info.getAsJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsLong();
            count *= shape[i];
        }
        long begin = info.getAsJsonArray("data_offsets").get(0).getAsLong();
        long end = info.getAsJsonArray("data_offsets").get(1).getAsLong();
        int width = switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> throw new ModelLoadException(file + ": tensor " + name + " has dtype " + dtype
                    + " (only F32, F16 and BF16 are supported)");
        };
        if (begin < 0 || end > dataLen || end - begin != count * width || count > Integer.MAX_VALUE) {
            throw new ModelLoadException(file + ": corrupt safetensors (tensor " + name + " byte range [" + begin + ", "
                    + end + ") does not match its shape or the " + dataLen + " data bytes)");
        }
        float[] values = new float[(int) count];
        ByteBuffer slice = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        slice.position((int) begin).limit((int) end);
        slice = slice.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (width == 4) {
            slice.asFloatBuffer().get(values);
        } else {
            var shorts = slice.asShortBuffer();
            for (int i = 0; i < values.length; i++) {
                int bits = shorts.get(i) & 0xffff;
                values[i] = dtype.equals("BF16") ? Float.intBitsToFloat(bits << 16) : halfToFloat(bits);
            }
        }
        return new FloatTensor(name, shape, values);
    }

    /** IEEE 754 half precision to float (Float.float16ToFloat needs Java 20). */
    static float halfToFloat(int h) {
        int sign = (h >>> 15) & 1;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        float v;
        if (exp == 0) {
            v = (float) (mant * Math.pow(2, -24));
        } else if (exp == 31) {
            v = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            v = Float.intBitsToFloat(((exp - 15 + 127) << 23) | (mant << 13));
        }
        return sign == 1 ? -v : v;
    }

    /** Writes F32 tensors (sorted by name, like the Python writer) to a temp file, then renames it into place. */
    public static void write(Path file, Collection<FloatTensor> tensors, Map<String, String> metadata) {
        List<FloatTensor> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparing(FloatTensor::name));
        JsonObject header = new JsonObject();
        if (metadata != null && !metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (FloatTensor t : sorted) {
            JsonObject o = new JsonObject();
            o.addProperty("dtype", "F32");
            com.google.gson.JsonArray shape = new com.google.gson.JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            o.add("shape", shape);
            com.google.gson.JsonArray offsets = new com.google.gson.JsonArray();
            offsets.add(offset);
            offset += t.size() * 4;
            offsets.add(offset);
            o.add("data_offsets", offsets);
            header.add(t.name(), o);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = new byte[padded];
        java.util.Arrays.fill(headerBytes, (byte) ' ');
        System.arraycopy(json, 0, headerBytes, 0, json.length);
        Path abs = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
                out.write(len.array());
                out.write(headerBytes);
                ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
                for (FloatTensor t : sorted) {
                    float[] d = t.data();
                    for (int i = 0; i < d.length; ) {
                        buf.clear();
                        int n = Math.min(d.length - i, buf.capacity() / 4);
                        buf.asFloatBuffer().put(d, i, n);
                        out.write(buf.array(), 0, n * 4);
                        i += n;
                    }
                }
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // the original error is the one worth reporting
            }
            throw new ModelLoadException(file + ": cannot write safetensors (" + e.getMessage() + ")", e);
        }
    }
}
