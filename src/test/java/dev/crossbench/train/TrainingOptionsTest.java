package dev.crossbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingOptionsTest {
    @Test
    void theBuilderStartsFromTheDefaultsAndChangesOnlyWhatIsSet() {
        assertEquals(TrainingOptions.defaults(), TrainingOptions.builder().build());
        assertEquals(new TrainingOptions(4, 16, 2e-5, 0.1, 0.01, 1.0, 42, false, 128, false, false), TrainingOptions.defaults());
        TrainingOptions o = TrainingOptions.builder().epochs(1).batchSize(8).learningRate(3e-5).symmetricPairs(true).build();
        assertEquals(new TrainingOptions(1, 8, 3e-5, 0.1, 0.01, 1.0, 42, false, 128, false, true), o);
        TrainingOptions shorter = o.toBuilder().maxSeqLength(64).build();
        assertEquals(new TrainingOptions(1, 8, 3e-5, 0.1, 0.01, 1.0, 42, false, 64, false, true), shorter);
    }

    @Test
    void buildChecksAsTheConstructorDoes() {
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().warmupFraction(1.0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().epochs(0).build());
    }
}
