package dev.crossbench.data;

import dev.crossbench.CrossbenchException;
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

/**
 * A float32 matrix as a NumPy .npy file (format 1.0: magic, a small text header, raw
 * little-endian data), so embeddings open with {@code numpy.load} and can be memory-mapped.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyFile() {}

    public static void write(Path file, float[][] rows) {
        int dim = rows.length == 0 ? 0 : rows[0].length;
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.length + ", " + dim + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(MAGIC);
                out.write(new byte[] {1, 0});
                out.write(header.length() & 0xff);
                out.write((header.length() >> 8) & 0xff);
                out.write(header.getBytes(StandardCharsets.US_ASCII));
                ByteBuffer buf = ByteBuffer.allocate(Math.max(4, dim * 4)).order(ByteOrder.LITTLE_ENDIAN);
                for (float[] r : rows) {
                    if (r.length != dim) {
                        throw new IllegalArgumentException("ragged matrix: row of " + r.length + ", expected " + dim);
                    }
                    buf.clear();
                    buf.asFloatBuffer().put(r);
                    out.write(buf.array(), 0, dim * 4);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CrossbenchException(file + ": cannot write embeddings (" + e.getMessage() + ")", e);
        }
    }

    public static float[][] read(Path file) {
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
            String shape = header.replaceAll(".*'shape': \\(([^)]*)\\).*", "$1").replace(" ", "").trim();
            String[] parts = shape.split(",");
            int n = Integer.parseInt(parts[0]);
            int d = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 1;
            long dataStart = 10L + headerLen;
            if (ch.size() != dataStart + (long) n * d * 4) {
                throw new DataFormatException(file, 0, "truncated or corrupt: " + ch.size() + " bytes for a " + n + "x" + d + " matrix");
            }
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, dataStart, (long) n * d * 4).order(ByteOrder.LITTLE_ENDIAN);
            float[][] rows = new float[n][d];
            var fb = data.asFloatBuffer();
            for (float[] r : rows) {
                fb.get(r);
            }
            return rows;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataFormatException(file, 0, "file not found");
        } catch (IOException | NumberFormatException e) {
            throw new DataFormatException(file, 0, "cannot read .npy (" + e.getMessage() + ")");
        }
    }
}
