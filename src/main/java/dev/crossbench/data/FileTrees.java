package dev.crossbench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removal of hidden work folders (half-written models, assemblies) after they are done with. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Deletes a file or folder tree, best effort: a leftover hidden temp folder is harmless, the caller's error is not. */
    public static void deleteQuietly(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort, see above
                }
            });
        } catch (IOException ignored) {
            // nothing to clean
        }
    }
}
