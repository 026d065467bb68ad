package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our .npy files are byte-identical to numpy's. The expected bytes were produced once with numpy 2.4.6:
 * {@code np.lib.format.write_array_header_1_0(buf, {'descr': '<f4', 'fortran_order': False, 'shape': S})}
 * for the headers and {@code np.save(buf, (np.arange(12, dtype='<f4').reshape(3, 4) - 5.5) / 4)} for the
 * data. numpy pads the dict with spaces (it reserves room for the first axis to grow to 21 digits) and ends
 * it with a newline so that magic + version + length + header is a multiple of 64: 128 bytes here.
 */
class NpyFileTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] HEADER_3x4 = HEX.parseHex("934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028332c2034292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a");
    private static final byte[] HEADER_5183x384 = HEX.parseHex("934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028353138332c20333834292c207d20202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a");
    private static final byte[] HEADER_0x0 = HEX.parseHex("934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028302c2030292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a");
    /** (arange(12) - 5.5) / 4 as little-endian float32: -1.375, -1.125, ..., 1.375. */
    private static final byte[] DATA_3x4 = HEX.parseHex("0000b0bf000090bf000060bf000020bf0000c0be000000be0000003e0000c03e"
            + "0000203f0000603f0000903f0000b03f");

    @TempDir
    Path dir;

    private static float[] values3x4() {
        float[] v = new float[12];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i - 5.5f) / 4;
        }
        return v;
    }

    @Test
    void theWholeFileEqualsNumpySave() throws Exception {
        Path f = dir.resolve("m.npy");
        NpyFile.write(f, values3x4(), 3, 4);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(128 + 48, bytes.length);
        assertArrayEquals(HEADER_3x4, Arrays.copyOf(bytes, 128));
        assertArrayEquals(DATA_3x4, Arrays.copyOfRange(bytes, 128, bytes.length));

        // The row-array writer produces the same bytes as the flat one.
        float[] flat = values3x4();
        float[][] rows = {Arrays.copyOfRange(flat, 0, 4), Arrays.copyOfRange(flat, 4, 8), Arrays.copyOfRange(flat, 8, 12)};
        Path g = dir.resolve("rows.npy");
        NpyFile.write(g, rows);
        assertArrayEquals(bytes, Files.readAllBytes(g));
    }

    @Test
    void headersForOtherShapesEqualNumpys() throws Exception {
        // SciFact's corpus with a 384-d model: longer numbers in the dict, the same 128-byte header.
        Path f = dir.resolve("big.npy");
        NpyFile.write(f, new float[5183 * 384], 5183, 384);
        byte[] bytes = Files.readAllBytes(f);
        assertArrayEquals(HEADER_5183x384, Arrays.copyOf(bytes, 128));
        assertEquals(128 + 5183L * 384 * 4, bytes.length);

        Path empty = dir.resolve("empty.npy");
        NpyFile.write(empty, new float[0][]);
        assertArrayEquals(HEADER_0x0, Files.readAllBytes(empty));
    }

    @Test
    void readsBackWhatItWroteAndRefusesATruncatedFile() throws Exception {
        Path f = dir.resolve("m.npy");
        NpyFile.write(f, values3x4(), 3, 4);
        NpyFile.Matrix m = NpyFile.readMatrix(f);
        assertEquals(3, m.rows());
        assertEquals(4, m.cols());
        assertArrayEquals(values3x4(), m.data());
        assertArrayEquals(new float[] {-0.375f, -0.125f, 0.125f, 0.375f}, NpyFile.read(f)[1]);

        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 4));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFile.readMatrix(f));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
