package dev.crossbench.model.weights;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads and writes the safetensors format (https://github.com/huggingface/safetensors): an 8-byte
 * little-endian header length, a JSON header, then the tensors' bytes, little-endian, row-major.
 * Files written here load in Python's safetensors / transformers.
 */
public final class SafeTensors {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final int CHUNK_FLOATS = 1 << 18;

    private SafeTensors() {
    }

    /** All tensors, in file order, widened to float. Only F32, F16 and BF16 tensors are accepted. */
    public static Map<String, FloatTensor> read(Path file) {
        return read(file, name -> true);
    }

    /**
     * The tensors whose name passes {@code include}, in file order. The whole header is still
     * validated; skipped tensors may have any dtype (e.g. the I64 {@code position_ids} buffer
     * some BERT checkpoints carry).
     */
    public static Map<String, FloatTensor> read(Path file, Predicate<String> include) {
        return read(file, include, (f, name, shape) -> { });
    }

    /** Checks a tensor's declared shape before anything is allocated for it; throws to refuse the file. */
    @FunctionalInterface
    public interface ShapeCheck {
        void check(Path file, String name, long[] shape);
    }

    /** As {@link #read(Path, Predicate)}, with every included tensor's shape passed to {@code check} before any is read. */
    public static Map<String, FloatTensor> read(Path file, Predicate<String> include, ShapeCheck check) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            SafeTensorsHeader header = SafeTensorsHeader.read(file, ch);
            for (SafeTensorsHeader.Entry e : header.entries) {
                if (include.test(e.name())) {
                    check.check(file, e.name(), e.shape());
                }
            }
            Map<String, FloatTensor> out = new LinkedHashMap<>();
            for (SafeTensorsHeader.Entry e : header.entries) {
                if (include.test(e.name())) {
                    out.put(e.name(), new FloatTensor(e.name(), e.shape(), readFloats(file, ch, header.dataStart, e)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot read safetensors (" + e.getMessage() + ")", e);
        }
    }

    /** The value an F16 write stores for {@code v}, widened back to float. */
    public static float roundToHalf(float v) {
        return HalfFloats.fromF16(HalfFloats.toF16(v));
    }

    /** The {@code __metadata__} string map (empty when absent); reads only the header. */
    public static Map<String, String> readMetadata(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return SafeTensorsHeader.read(file, ch).metadata;
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot read safetensors (" + e.getMessage() + ")", e);
        }
    }

    private static float[] readFloats(Path file, FileChannel ch, long dataStart, SafeTensorsHeader.Entry e)
            throws IOException {
        String dtype = e.dtype();
        if (!dtype.equals("F32") && !dtype.equals("F16") && !dtype.equals("BF16")) {
            throw new ModelLoadException(file + ": tensor '" + e.name() + "' has dtype " + dtype
                    + "; only F32, F16 and BF16 tensors can be loaded");
        }
        long n = e.elementCount();
        if (n > Integer.MAX_VALUE - 8) {
            throw new ModelLoadException(file + ": tensor '" + e.name() + "' has " + n
                    + " values, more than a Java array holds");
        }
        float[] out = new float[(int) n];
        if (n == 0) {
            return out;
        }
        MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), e.end() - e.begin());
        map.order(ByteOrder.LITTLE_ENDIAN);
        if (dtype.equals("F32")) {
            map.asFloatBuffer().get(out);
        } else {
            ShortBuffer sb = map.asShortBuffer();
            boolean bf16 = dtype.equals("BF16");
            for (int i = 0; i < out.length; i++) {
                short s = sb.get(i);
                out[i] = bf16 ? HalfFloats.fromBf16(s) : HalfFloats.fromF16(s);
            }
        }
        return out;
    }

    /**
     * Writes the tensors as F32, sorted by name like the reference writer, with {@code metadata}
     * as {@code __metadata__} (keys sorted, omitted when empty), so equal inputs give equal bytes. The bytes go to a temporary file in the same
     * folder that is synced and then renamed over {@code file}, so a crash never leaves a
     * partial file under the final name.
     */
    public static void write(Path file, Collection<FloatTensor> tensors, Map<String, String> metadata) {
        write(file, tensors, metadata, false);
    }

    /**
     * As {@link #write(Path, Collection, Map)}, with every tensor stored as F16 when {@code half}
     * (rounded to nearest even; readers widen it back exactly to the rounded value).
     */
    public static void write(Path file, Collection<FloatTensor> tensors, Map<String, String> metadata, boolean half) {
        List<FloatTensor> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparing(FloatTensor::name));
        byte[] header = header(file, sorted, metadata, half);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
                writeFully(ch, len);
                writeFully(ch, ByteBuffer.wrap(header));
                ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_FLOATS * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (FloatTensor t : sorted) {
                    float[] d = t.data();
                    for (int off = 0; off < d.length; off += CHUNK_FLOATS) {
                        int n = Math.min(CHUNK_FLOATS, d.length - off);
                        chunk.clear();
                        if (half) {
                            for (int i = 0; i < n; i++) {
                                chunk.putShort(HalfFloats.toF16(d[off + i]));
                            }
                            chunk.flip();
                        } else {
                            chunk.asFloatBuffer().put(d, off, n);
                            chunk.limit(n * 4);
                        }
                        writeFully(ch, chunk);
                    }
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot write safetensors (" + e + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes as the format recommends. */
    private static byte[] header(Path file, List<FloatTensor> sorted, Map<String, String> metadata, boolean half) {
        JsonObject json = new JsonObject();
        if (metadata != null && !metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            // Sorted: a Map.of's order changes from one JVM to the next, and bundles check the file's SHA-256.
            new java.util.TreeMap<>(metadata).forEach(meta::addProperty);
            json.add("__metadata__", meta);
        }
        Set<String> seen = new HashSet<>();
        long offset = 0;
        for (FloatTensor t : sorted) {
            if (t.name().equals("__metadata__") || !seen.add(t.name())) {
                throw new IllegalArgumentException(file + ": tensor name '" + t.name() + "' is reserved or repeated");
            }
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", half ? "F16" : "F32");
            JsonArray shape = new JsonArray();
            Arrays.stream(t.shape()).forEach(shape::add);
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += t.size() * (half ? 2 : 4);
            offsets.add(offset);
            entry.add("data_offsets", offsets);
            json.add(t.name(), entry);
        }
        byte[] text = GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
        int padded = (text.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(text, padded);
        Arrays.fill(out, text.length, padded, (byte) ' ');
        return out;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
