package dev.crossbench.model;

/** Where a model came from. */
public enum ModelSource {
    BUILTIN,
    LOCAL_FOLDER,
    HUB
}
