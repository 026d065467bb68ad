package dev.crossbench.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A float32 matrix as a NumPy .npy file (format 1.0: magic, a small text header, raw
 * little-endian data), so embeddings open with {@code numpy.load} and can be memory-mapped.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyFile() {}

    public static void write(Path file, float[][] rows) {
        int dim = rows.length == 0 ? 0 : rows[0].length;
        for (float[] r : rows) {
            if (r.length != dim) {
                throw new IllegalArgumentException("ragged matrix: row of " + r.length + ", expected " + dim);
            }
        }
        write(file, rows.length, dim, (i, buf) -> buf.put(rows[i]));
    }

    /** Writes a row-major {@code rows x cols} matrix held in one array. */
    public static void write(Path file, float[] data, int rows, int cols) {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(data.length + " values do not make a " + rows + "x" + cols + " matrix");
        }
        write(file, rows, cols, (i, buf) -> buf.put(data, i * cols, cols));
    }

    private interface RowWriter {
        void put(int row, java.nio.FloatBuffer buffer);
    }

    private static void write(Path file, int rows, int dim, RowWriter rowWriter) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + dim + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        AtomicFile.writeBinary(file, "embeddings", out -> {
            out.write(MAGIC);
            out.write(new byte[] {1, 0});
            out.write(header.length() & 0xff);
            out.write((header.length() >> 8) & 0xff);
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer buf = ByteBuffer.allocate(Math.max(4, dim * 4)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < rows; i++) {
                buf.clear();
                rowWriter.put(i, buf.asFloatBuffer());
                out.write(buf.array(), 0, dim * 4);
            }
        });
    }

    public static float[][] read(Path file) {
        Matrix m = readMatrix(file);
        float[][] rows = new float[m.rows()][m.cols()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(m.data(), i * m.cols(), rows[i], 0, m.cols());
        }
        return rows;
    }

    /** A float32 matrix, row-major in one array. */
    public record Matrix(int rows, int cols, float[] data) {}

    /**
     * Reads a C-order float32 matrix through a memory map; a file whose size does not match its header
     * (truncated, or with bytes appended) is refused.
     */
    public static Matrix readMatrix(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            byte[] magic = new byte[6];
            if (head.remaining() < 10) {
                throw new DataFormatException(file, 0, "not a .npy file (too short)");
            }
            head.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || head.get() != 1) {
                throw new DataFormatException(file, 0, "not a version 1 .npy file");
            }
            head.get();
            int headerLen = head.getShort() & 0xffff;
            ByteBuffer hb = ByteBuffer.allocate(headerLen);
            ch.read(hb, 10);
            String header = new String(hb.array(), StandardCharsets.US_ASCII);
            if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
                throw new DataFormatException(file, 0, "expected a C-order float32 matrix, header is " + header.trim());
            }
            String shape = header.replaceAll("(?s).*'shape': \\(([^)]*)\\).*", "$1").replace(" ", "").trim();
            String[] parts = shape.split(",");
            int n = Integer.parseInt(parts[0]);
            int d = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 1;
            long dataStart = 10L + headerLen;
            long bytes = (long) n * d * 4;
            if (ch.size() != dataStart + bytes || bytes > Integer.MAX_VALUE) {
                throw new DataFormatException(file, 0, "truncated or corrupt: " + ch.size() + " bytes for a " + n + "x" + d + " matrix");
            }
            float[] data = new float[n * d];
            if (bytes > 0) {
                ch.map(FileChannel.MapMode.READ_ONLY, dataStart, bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            }
            return new Matrix(n, d, data);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataFormatException(file, 0, "file not found");
        } catch (IOException | NumberFormatException e) {
            throw new DataFormatException(file, 0, "cannot read .npy (" + e.getMessage() + ")");
        }
    }
}
