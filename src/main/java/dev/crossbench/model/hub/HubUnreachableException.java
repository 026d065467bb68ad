package dev.crossbench.model.hub;

import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The hub could not be reached. Whether offline mode helps depends on the cache: the resolver names the
 * way out that applies ({@link #notCached}) instead of suggesting offline mode for a model that is not there.
 */
final class HubUnreachableException extends ModelLoadException {
    private final String reason;

    HubUnreachableException(String reason, IOException cause) {
        super(reason + "; set HF_HUB_OFFLINE=1 to use the local cache only", cause);
        this.reason = reason;
    }

    /** The same failure for a model the local cache does not hold: offline mode would not find it either. */
    ModelLoadException notCached(Path repoDir) {
        return new ModelLoadException(reason + ", and it is not in the Hugging Face cache (" + repoDir + "): download it"
                + " where the hub can be reached and copy the model folder here (choose it as a folder), or point HF_HOME"
                + " or HF_HUB_CACHE at a cache that has it", getCause());
    }
}
