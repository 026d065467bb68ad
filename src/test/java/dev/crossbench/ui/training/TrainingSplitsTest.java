package dev.crossbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSplitsTest {
    @Test
    void theSamplesTestFileHasItsTrainAndDevBesideIt() {
        TrainingSplits s = TrainingSplits.besides(Path.of("sample-data", "pairs-test.csv")).orElseThrow();
        assertEquals(Path.of("sample-data", "pairs-train.csv"), s.train());
        assertEquals(Path.of("sample-data", "pairs-dev.csv"), s.dev());
    }

    @Test
    void nothingIsGuessedWhenASplitIsMissing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sts-test.csv"), "x");
        Files.writeString(dir.resolve("sts-train.csv"), "x");
        assertTrue(TrainingSplits.besides(dir.resolve("sts-test.csv")).isEmpty());
        Files.writeString(dir.resolve("sts-dev.csv"), "x");
        assertEquals(dir.resolve("sts-dev.csv"), TrainingSplits.besides(dir.resolve("sts-test.csv")).orElseThrow().dev());
        assertTrue(TrainingSplits.besides(dir.resolve("mine.csv")).isEmpty());
        assertTrue(TrainingSplits.besides(null).isEmpty());
    }
}
