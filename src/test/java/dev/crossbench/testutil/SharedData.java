package dev.crossbench.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The third-party data beside the project (../shared/data), read in place, never copied. Where that folder exists (CI,
 * a developer's checkout) a missing file fails the test with its path: a silent skip would hide a broken setup. Where
 * it does not exist at all (the fast lane points -Dcrossbench.shared at nothing) the test is skipped with the reason.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String prop = System.getProperty("crossbench.shared");
        return (prop != null ? Path.of(prop) : Path.of("..", "shared")).resolve("data");
    }

    public static Path stsb(String split) {
        return require(root().resolve("stsb").resolve("sts-" + split + ".csv"), "STS-B " + split);
    }

    public static Path scifact(String file) {
        return require(root().resolve("scifact").resolve(file), "SciFact " + file);
    }

    /** A file or folder under the shared data, e.g. {@code file("scifact/corpus.jsonl")}. */
    public static Path file(String relative) {
        return require(root().resolve(relative), relative);
    }

    private static Path require(Path p, String what) {
        if (Files.exists(p)) {
            return p;
        }
        if (Files.isDirectory(root())) {
            Assertions.fail(what + " is missing at " + p + " although the shared data folder " + root() + " exists");
        }
        Assumptions.abort("no shared data at " + root() + " (" + what + " needed); CI runs this test with ../shared beside the project");
        return p;
    }
}
