package dev.crossbench.index;

import dev.crossbench.model.EncodeProgress;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Encodes a slice of the corpus; a bi-encoder's encodeDocuments, or a fake in tests. */
@FunctionalInterface
public interface ChunkEncoder {
    float[][] encode(List<String> texts, EncodeProgress progress, BooleanSupplier cancelled);
}
