package dev.crossbench.model.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.ModelLoadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsNamesShapesValuesAndMetadata() throws IOException {
        float[] big = new float[300_000]; // spans more than one write chunk
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) Math.sin(i);
        }
        List<FloatTensor> tensors = List.of(
                new FloatTensor("z.weight", new long[] {600, 500}, big),
                new FloatTensor("a.bias", new long[] {3}, new float[] {1f, -0f, Float.NaN}),
                new FloatTensor("scalar", new long[] {}, new float[] {42f}),
                new FloatTensor("empty", new long[] {0, 4}, new float[0]));
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, tensors, Map.of("format", "pt"));

        Map<String, FloatTensor> back = SafeTensors.read(file);
        assertEquals(List.of("a.bias", "empty", "scalar", "z.weight"), List.copyOf(back.keySet()));
        for (FloatTensor t : tensors) {
            FloatTensor r = back.get(t.name());
            assertArrayEquals(t.shape(), r.shape(), t.name());
            assertArrayEquals(t.data(), r.data(), t.name());
        }
        assertEquals(Map.of("format", "pt"), SafeTensors.readMetadata(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
        long headerLen = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLen % 8);
    }

    /** The exact bytes Python's safetensors 0.8.0 writes for the same tensors ({@code safetensors.numpy.save}). */
    @Test
    void writesTheSameBytesAsThePythonWriter() throws IOException {
        String python = "c8000000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a227074227d2c2261223a7b226474"
                + "797065223a22463332222c227368617065223a5b322c305d2c22646174615f6f666673657473223a5b302c305d7d2c22"
                + "73223a7b226474797065223a22463332222c227368617065223a5b5d2c22646174615f6f666673657473223a5b302c34"
                + "5d7d2c2278223a7b226474797065223a22463332222c227368617065223a5b325d2c22646174615f6f66667365747322"
                + "3a5b342c31325d7d7d20202020202020000060400000803f00000040";
        Path file = dir.resolve("py.safetensors");
        SafeTensors.write(file, List.of(
                new FloatTensor("x", new long[] {2}, new float[] {1, 2}),
                new FloatTensor("a", new long[] {2, 0}, new float[0]),
                new FloatTensor("s", new long[] {}, new float[] {3.5f})), Map.of("format", "pt"));
        assertEquals(python, HexFormat.of().formatHex(Files.readAllBytes(file)));
    }

    @Test
    void readsAHandBuiltFileWithHalfFloats() throws IOException {
        String header = "{\"b\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[8,12]},"
                + "\"__metadata__\":{\"format\":\"pt\",\"note\":\"hand made\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]},"
                + "\"c\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[12,14]}}   ";
        ByteBuffer data = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
        data.putFloat(0.5f).putFloat(-3f);
        data.putShort((short) 0x3C00).putShort((short) 0xC000); // F16 1.0, -2.0
        data.putShort((short) 0x3FC0); // BF16 1.5
        Path file = dir.resolve("hand.safetensors");
        Files.write(file, fileBytes(header, data.array()));

        Map<String, FloatTensor> t = SafeTensors.read(file);
        assertEquals(List.of("a", "b", "c"), List.copyOf(t.keySet()), "data order");
        assertArrayEquals(new long[] {1, 2}, t.get("a").shape());
        assertArrayEquals(new float[] {0.5f, -3f}, t.get("a").data());
        assertArrayEquals(new float[] {1f, -2f}, t.get("b").data());
        assertArrayEquals(new float[] {1.5f}, t.get("c").data());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("note", "hand made");
        assertEquals(meta, SafeTensors.readMetadata(file));
    }

    @Test
    void halfFloatEdgeCases() {
        assertEquals(65504f, HalfFloats.fromF16((short) 0x7BFF));
        assertEquals(0x1p-24f, HalfFloats.fromF16((short) 0x0001)); // smallest subnormal
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloats.fromF16((short) 0xFC00));
        assertTrue(Float.isNaN(HalfFloats.fromF16((short) 0x7E00)));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(HalfFloats.fromF16((short) 0x8000)));
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Path file = dir.resolve("t.safetensors");
        SafeTensors.write(file, List.of(new FloatTensor("w", new long[] {4}, new float[] {1, 2, 3, 4})), Map.of());
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3);
        }
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt safetensors ("), e.getMessage());

        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(20); // inside the header
        }
        e = assertThrows(ModelLoadException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().contains("corrupt safetensors (header length"), e.getMessage());

        Files.write(file, new byte[5]);
        e = assertThrows(ModelLoadException.class, () -> SafeTensors.readMetadata(file));
        assertTrue(e.getMessage().contains("corrupt safetensors"), e.getMessage());
    }

    @Test
    void headerPointingOutsideTheDataIsRejected() throws IOException {
        Path file = dir.resolve("o.safetensors");
        Files.write(file, fileBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().contains("corrupt safetensors (tensor 'w' data_offsets [0, 16] lie outside"),
                e.getMessage());
    }

    @Test
    void inconsistentOrIncompleteHeadersAreRejected() throws IOException {
        Path file = dir.resolve("bad.safetensors");
        // 3 floats declared, 8 bytes given
        Files.write(file, fileBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]));
        assertCorrupt(file, "tensor 'w' has 8 bytes for F32[3]");
        // a hole before the tensor
        Files.write(file, fileBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]));
        assertCorrupt(file, "tensor 'w' starts at byte 4");
        // trailing bytes nobody owns
        Files.write(file, fileBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[8]));
        assertCorrupt(file, "tensors cover 4 bytes but the data section has 8");
        Files.write(file, fileBytes("[1,2]", new byte[0]));
        assertCorrupt(file, "header does not start with '{'");
        Files.write(file, fileBytes("{\"w\":{\"dtype\":\"F32\"}}", new byte[0]));
        assertCorrupt(file, "needs dtype, shape and data_offsets");
    }

    @Test
    void unsupportedDtypeNamesFileAndTensorUnlessSkipped() throws IOException {
        Path file = dir.resolve("i64.safetensors");
        String header = "{\"embeddings.position_ids\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[4,12]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        Files.write(file, fileBytes(header, new byte[12]));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SafeTensors.read(file));
        assertEquals(file + ": tensor 'embeddings.position_ids' has dtype I64; only F32, F16 and BF16 tensors"
                + " can be loaded", e.getMessage());
        assertEquals(List.of("w"), List.copyOf(SafeTensors.read(file, n -> !n.endsWith("position_ids")).keySet()));
    }

    @Test
    void writeReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("m.safetensors");
        Files.writeString(file, "old contents");
        SafeTensors.write(file, List.of(new FloatTensor("w", new long[] {1}, new float[] {7})), Map.of());
        assertArrayEquals(new float[] {7}, SafeTensors.read(file).get("w").data());
        assertEquals(Map.of(), SafeTensors.readMetadata(file));
    }

    private static void assertCorrupt(Path file, String detail) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SafeTensors.read(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt safetensors (") && e.getMessage().contains(detail),
                e.getMessage());
    }

    private static byte[] fileBytes(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(data);
        return out.toByteArray();
    }
}
