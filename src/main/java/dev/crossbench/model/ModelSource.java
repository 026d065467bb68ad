package dev.crossbench.model;

/** Where a model came from. */
public enum ModelSource {
    BUILTIN,
    /** Trained by this project, shipped in assets/models as a difference from a built-in base. */
    BUNDLED,
    LOCAL_FOLDER,
    HUB
}
