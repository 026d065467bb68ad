package dev.crossbench.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The third-party data beside the project (../shared/data), read in place, never copied. */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String prop = System.getProperty("crossbench.shared");
        return (prop != null ? Path.of(prop) : Path.of("..", "shared")).resolve("data");
    }

    public static Path stsb(String split) {
        Path p = root().resolve("stsb").resolve("sts-" + split + ".csv");
        Assumptions.assumeTrue(Files.isRegularFile(p), "STS-B not found at " + p);
        return p;
    }

    public static Path scifact(String file) {
        Path p = root().resolve("scifact").resolve(file);
        Assumptions.assumeTrue(Files.exists(p), "SciFact not found at " + p);
        return p;
    }
}
