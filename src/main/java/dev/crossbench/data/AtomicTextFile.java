package dev.crossbench.data;

import dev.crossbench.CrossbenchException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a UTF-8 file through a temp file and a rename, so a failed write never leaves a half file under the name. */
final class AtomicTextFile {
    @FunctionalInterface
    interface Body {
        void write(Writer w) throws IOException;
    }

    private AtomicTextFile() {}

    static void write(Path file, String what, Body body) {
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    body.write(w);
                }
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CrossbenchException(file + ": cannot write " + what + " (" + e.getMessage() + ")", e);
        }
    }
}
