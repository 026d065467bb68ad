package dev.crossbench.app.bench;

import java.util.List;

/**
 * Another implementation of the same model, measured in the same process as a yardstick.
 * Implementations are found with {@link java.util.ServiceLoader}; the one shipped with the tests
 * wraps langchain4j's in-process all-MiniLM-L6-v2 (a test-scope dependency).
 */
public interface PeerEncoder extends AutoCloseable {

    /** Which of our models this peer implements, e.g. "all-MiniLM-L6-v2". */
    String modelName();

    /** A human description: library, version, how it runs. */
    String description();

    List<float[]> embed(List<String> texts);

    @Override
    default void close() {}
}
