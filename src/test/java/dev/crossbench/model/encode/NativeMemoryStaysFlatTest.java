package dev.crossbench.model.encode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.load.BiEncoderLoader;
import dev.crossbench.testutil.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Each batch runs in its own NDManager scope, so 100 batches leave no native memory behind. */
class NativeMemoryStaysFlatTest {

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    @Test
    void hundredBatchesDoNotGrowResidentMemory() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/status")), "needs Linux /proc");
        ModelDescriptor d = TestModels.catalog().resolve("all-MiniLM-L6-v2");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            texts.add("sentence number " + i + " about memory that should be released after every batch of work");
        }
        try (BiEncoder enc = new BiEncoderLoader(TestModels.catalog()).open(d, EngineChoice.PYTORCH, d.defaults().withBatchSize(16))) {
            var manager = ((dev.crossbench.model.engine.PyTorchBertBackend) enc.backend()).manager();
            int weights = manager.getManagedArrays().size();
            for (int i = 0; i < 20; i++) {
                enc.encode(texts); // warm-up: allocator pools and JIT settle
            }
            System.gc();
            long before = rssKiB();
            for (int i = 0; i < 100; i++) {
                enc.encode(texts);
            }
            System.gc();
            long after = rssKiB();
            long growth = after - before;
            int live = manager.getManagedArrays().size();
            System.out.printf("native arrays: %d weights, %d live after 120 batches; RSS before %d KiB, after %d KiB, growth %d KiB%n",
                    weights, live, before, after, growth);
            // Exact check: every intermediate array was freed with its batch's sub-manager.
            org.junit.jupiter.api.Assertions.assertEquals(weights, live, "arrays left behind by batches");
            // One batch's activations are ~16x20x1536 floats (~2 MiB); a leak would add that per batch (~200 MiB).
            assertTrue(growth < 40 * 1024, "resident memory grew by " + growth + " KiB over 100 batches");
        }
    }
}
