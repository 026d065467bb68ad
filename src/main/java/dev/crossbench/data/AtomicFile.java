package dev.crossbench.data;

import dev.crossbench.core.CrossbenchException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temp file and a rename, so a failed write never leaves a half file under the
 * name; the temp file is removed on every failure path (full disk, a folder in the way, a failing body).
 */
public final class AtomicFile {
    @FunctionalInterface
    public interface TextBody {
        void write(Writer w) throws IOException;
    }

    @FunctionalInterface
    public interface BinaryBody {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    /** A UTF-8 text file; {@code what} names the contents in the error message. */
    public static void writeText(Path file, String what, TextBody body) {
        writeBinary(file, what, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(w);
            w.flush();
        });
    }

    public static void writeBinary(Path file, String what, BinaryBody body) {
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    body.write(out);
                }
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CrossbenchException(file + ": cannot write " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Checks, before any long work, that {@code target} can be created or replaced: no folder in its place,
     * and a probe file can be created in the nearest existing folder above it (catches read-only file
     * systems and permissions alike). Creates nothing that stays.
     */
    public static void checkWritable(Path target, String label) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new CrossbenchException(label + ": is a folder, not a file");
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new CrossbenchException(label + ": cannot write there (the file is read-only)");
        }
        checkFolderWritable(abs.getParent(), label);
    }

    /** Checks that files can be created in {@code folder}, or in the nearest existing folder above it. */
    public static void checkFolderWritable(Path folder, String label) {
        Path dir = folder.toAbsolutePath().normalize();
        while (!Files.exists(dir) && dir.getParent() != null) {
            dir = dir.getParent();
        }
        if (!Files.isDirectory(dir)) {
            throw new CrossbenchException(label + ": cannot write there (" + dir + " is not a folder)");
        }
        try {
            Files.delete(Files.createTempFile(dir, ".crossbench-write-test", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new CrossbenchException(label + ": cannot write there (" + dir + ": " + reason(e) + ")", e);
        }
    }

    /** The reason alone: NIO messages repeat the probe's path, which would only confuse. */
    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return String.valueOf(e.getMessage());
    }
}
