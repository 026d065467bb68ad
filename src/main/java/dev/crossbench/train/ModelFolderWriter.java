package dev.crossbench.train;

import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.AtomicFile;
import dev.crossbench.data.FileTrees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a model folder atomically: everything goes into a hidden sibling folder, which is then
 * renamed over the target. A crash, a full disk or a cancel never leaves a half-written folder
 * that looks complete, and the previous checkpoint stays until the new one is whole.
 */
public final class ModelFolderWriter {

    /** Fills a folder with a model's files. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(Path folder) throws IOException;
    }

    private ModelFolderWriter() {}

    /** Refuses an existing non-empty folder unless {@code overwrite}; checks it can be written. */
    public static void checkTarget(Path out, boolean overwrite) {
        Path abs = out.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new CrossbenchException(out + ": exists and is not a folder");
        }
        if (Files.isDirectory(abs) && !overwrite && !isEmpty(abs)) {
            throw new CrossbenchException(out + ": folder exists and is not empty (use --overwrite to replace it)");
        }
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException | SecurityException e) {
            throw new CrossbenchException(out + ": cannot write there (" + e.getMessage() + ")", e);
        }
        AtomicFile.checkFolderWritable(abs.getParent(), out.toString());
    }

    public static void write(Path out, Contents contents) {
        Path abs = out.toAbsolutePath();
        Path parent = abs.getParent();
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".writing-");
            contents.writeTo(tmp);
            if (Files.exists(abs)) {
                old = parent.resolve("." + abs.getFileName() + ".old-" + System.nanoTime());
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            if (old != null) {
                FileTrees.deleteQuietly(old);
            }
        } catch (IOException e) {
            if (old != null && !Files.exists(abs)) {
                try {
                    Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException ignored) {
                    // the original error is the one to report; the old copy stays at its hidden name
                }
            }
            throw new CrossbenchException(out + ": cannot save the model (" + e.getMessage()
                    + "); the previous checkpoint, if any, is unchanged", e);
        } finally {
            if (tmp != null) {
                FileTrees.deleteQuietly(tmp);
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
