package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `train`'s defaults come from TrainingOptions and show in its help; losses are chosen by name and architecture. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpShowsTheDefaultsOfTrainingOptions() {
        CliRun r = CliRun.of("help", "train");
        assertEquals(0, r.code(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        for (String shown : new String[] {"--epochs=<epochs> Default: 4", "--batch-size=<batchSize> Default: 16",
                "Peak learning rate. Default: 0.00002", "Warm-up fraction of all steps. Default: 0.1",
                "--max-seq-length=<maxSeqLength> Default: 128", "--seed=<seed> Default: 42",
                "Default: 7 for listwise, 0 for mnrl", "Default: pointwise"}) {
            assertTrue(help.contains(shown), "'" + shown + "' missing from: " + help);
        }
        assertEquals("0.00002", TrainingDefaults.decimal(2e-5));
        assertEquals(2e-5, Double.parseDouble(TrainingDefaults.decimal(2e-5)));
    }

    @Test
    void lossesAreCheckedAgainstTheArchitecture() throws IOException {
        Path pairs = Files.writeString(dir.resolve("p.csv"), "sentence1,sentence2,score\na,b,1\nc,d,2\n");
        String[] common = {"--base", "all-MiniLM-L6-v2", "--train", pairs.toString(), "--dev", pairs.toString(), "--out",
                dir.resolve("m").toString()};
        CliRun.of(concat(new String[] {"train", "bi", "--loss", "listwise"}, common))
                .assertOneLineError("--loss listwise trains cross-encoders (rerankers) only");
        CliRun.of(concat(new String[] {"train", "cross", "--loss", "mnrl"}, common))
                .assertOneLineError("--loss mnrl trains bi-encoders only");
        CliRun.of(concat(new String[] {"train", "bi", "--loss", "triplet"}, common))
                .assertOneLineError("--loss must be one of pointwise, listwise, mnrl, got 'triplet'");
        assertTrue(Files.notExists(dir.resolve("m")));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
