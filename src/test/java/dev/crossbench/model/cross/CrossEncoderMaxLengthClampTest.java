package dev.crossbench.model.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.load.CrossEncoderLoader;
import dev.crossbench.testutil.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cross-encoder max length past max_position_embeddings is clamped with one note, as for bi-encoders. */
class CrossEncoderMaxLengthClampTest {
    private static final String RERANKER = "crossbench-reranker-MiniLM-L6";

    @Test
    void aLengthPastThePositionTableIsClampedAndSaid() {
        CrossEncoderLoader loader = new CrossEncoderLoader(TestModels.catalog());
        try (CrossEncoder ce = loader.open(RERANKER, EngineChoice.PYTORCH, 4, ScoreActivation.SIGMOID, 600)) {
            assertEquals(List.of(RERANKER + ": max length 600 is above the model's max_position_embeddings (512);"
                    + " using 512"), ce.notes());
            double[] s = ce.predict(List.of("what is oxygen?"), List.of("oxygen ".repeat(900)));
            assertEquals(512, ce.lastTokens(), "the pair was cut at the model's 512 positions");
            assertTrue(s[0] >= 0 && s[0] <= 1, "a sigmoid score: " + s[0]);
        }
        try (CrossEncoder ce = loader.open(RERANKER, EngineChoice.PYTORCH, 4, ScoreActivation.SIGMOID, 256)) {
            assertEquals(List.of(), ce.notes(), "a length the model has needs no note");
        }
    }
}
