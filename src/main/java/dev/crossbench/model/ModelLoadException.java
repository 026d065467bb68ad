package dev.crossbench.model;

import dev.crossbench.core.CrossbenchException;

/** A model that cannot be found, downloaded or loaded; the message says which and why. */
public class ModelLoadException extends CrossbenchException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
