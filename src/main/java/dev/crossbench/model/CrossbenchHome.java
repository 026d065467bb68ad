package dev.crossbench.model;

import java.nio.file.Path;

/**
 * The per-user folder for caches (imported built-in models, embeddings): system property
 * {@code crossbench.home}, else env {@code CROSSBENCH_HOME}, else {@code ~/.cache/crossbench}.
 */
public final class CrossbenchHome {
    private CrossbenchHome() {}

    public static Path resolve() {
        String prop = System.getProperty("crossbench.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("CROSSBENCH_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("crossbench");
    }
}
