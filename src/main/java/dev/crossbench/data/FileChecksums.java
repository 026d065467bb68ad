package dev.crossbench.data;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * SHA-256 of large files (model weights), remembered by absolute path, size and modification time so a
 * 130 MB file is hashed once, not on every run. The memo is a properties file replaced atomically; two
 * processes racing may each hash once, never read a half-written memo.
 */
public final class FileChecksums {
    private final Path memo;

    public FileChecksums(Path memo) {
        this.memo = memo;
    }

    public synchronized String sha256(Path file) {
        try {
            Path abs = file.toAbsolutePath().normalize();
            String stamp = Files.size(abs) + ":" + Files.getLastModifiedTime(abs).toMillis();
            Properties known = load();
            String entry = known.getProperty(abs.toString());
            if (entry != null && entry.startsWith(stamp + ":")) {
                return entry.substring(stamp.length() + 1);
            }
            String hex = Sha256.ofFile(abs);
            known.setProperty(abs.toString(), stamp + ":" + hex);
            try {
                save(known);
            } catch (IOException readOnly) {
                // the memo only saves re-hashing; a read-only cache folder must not stop the work
            }
            return hex;
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot compute its checksum (" + e.getMessage() + ")", e);
        }
    }

    private Properties load() throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(memo)) {
            try (Reader r = Files.newBufferedReader(memo, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IllegalArgumentException damaged) {
                return new Properties(); // a damaged memo only costs re-hashing
            }
        }
        return p;
    }

    private void save(Properties p) throws IOException {
        Files.createDirectories(memo.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(memo.toAbsolutePath().getParent(), memo.getFileName().toString(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "sha256 of model files by path: size:mtime:sha256");
            }
            Files.move(tmp, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
