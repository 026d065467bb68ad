package dev.crossbench.ui.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded file as a saved session remembers it: where it is, and its size and modification time
 * when it was read, so a restart can tell whether results computed on it still describe it.
 */
public record SavedFile(String path, long size, long modifiedMillis) {

    /** The file as it is now; empty when it cannot be looked at (then it is not remembered). */
    public static Optional<SavedFile> of(Path file) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            Path abs = file.toAbsolutePath().normalize();
            return Optional.of(new SavedFile(abs.toString(), Files.size(abs), Files.getLastModifiedTime(abs).toMillis()));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    public Path file() {
        return Path.of(path);
    }

    public boolean exists() {
        return Files.isRegularFile(file());
    }

    /** Empty when the file is still as it was read; else what changed, for the History note. */
    public Optional<String> change() {
        if (!exists()) {
            return Optional.of("is gone");
        }
        Optional<SavedFile> now = of(file());
        if (now.isEmpty()) {
            return Optional.of("cannot be read");
        }
        if (now.get().size != size || now.get().modifiedMillis != modifiedMillis) {
            return Optional.of("has changed since");
        }
        return Optional.empty();
    }

    public String fileName() {
        Path name = file().getFileName();
        return name == null ? path : name.toString();
    }
}
