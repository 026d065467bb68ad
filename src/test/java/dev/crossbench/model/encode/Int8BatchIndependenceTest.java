package dev.crossbench.model.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.load.BiEncoderLoader;
import dev.crossbench.testutil.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * int8 models quantize activations with one scale per batch tensor (issue 11, defect 11): in a batch an embedding
 * depends on its batch-mates, so int8 models encode one text per pass by default, and a larger batch gets a note.
 */
class Int8BatchIndependenceTest {
    private static final String TEXT = "A man is playing a guitar on the stage.";
    private static final String LOUD_MATE = "ZZZZ!!!! 1234567890 " + "extraordinarily unusual vocabulary ".repeat(20);

    @Test
    void byDefaultAnInt8EmbeddingIgnoresItsBatchMates() {
        ModelDescriptor d = TestModels.catalog().resolve("all-MiniLM-L6-v2-int8");
        assertEquals(1, d.defaults().batchSize());
        try (BiEncoder enc = new BiEncoderLoader(TestModels.catalog()).open(d, EngineChoice.ONNXRUNTIME)) {
            assertEquals(List.of(), enc.notes());
            float[] alone = enc.encode(List.of(TEXT))[0];
            float[] withMate = enc.encode(List.of(TEXT, LOUD_MATE))[0];
            assertArrayEquals(alone, withMate, 0f);
        }
    }

    @Test
    void inLargerBatchesItDoesNotAndTheLoaderSaysSo() {
        ModelDescriptor d = TestModels.catalog().resolve("all-MiniLM-L6-v2-int8");
        try (BiEncoder enc = new BiEncoderLoader(TestModels.catalog()).open(d, EngineChoice.ONNXRUNTIME,
                d.defaults().withBatchSize(32))) {
            assertEquals(1, enc.notes().size());
            assertTrue(enc.notes().get(0).startsWith("all-MiniLM-L6-v2-int8: int8 in batches of 32: ONNX Runtime picks"
                    + " one activation scale per batch"), enc.notes().get(0));
            float[] alone = enc.encode(List.of(TEXT))[0];
            float[] withMate = enc.encode(List.of(TEXT, LOUD_MATE))[0];
            double maxDiff = 0;
            for (int i = 0; i < alone.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(alone[i] - withMate[i]));
            }
            // The effect is real but small: measurable, far below what would change a ranking on its own.
            assertTrue(maxDiff > 1e-4 && maxDiff < 0.05, "max abs difference " + maxDiff);
        }
    }
}
