package dev.crossbench.model.hub;

import dev.crossbench.model.ModelLoadException;

/** The user cancelled a download (or its thread was interrupted); partial files stay for resuming. */
public class DownloadCancelledException extends ModelLoadException {
    public DownloadCancelledException(String message) {
        super(message);
    }
}
