package dev.crossbench.ui.task;

import dev.crossbench.data.PairDataset;
import dev.crossbench.data.PairReader;
import java.nio.file.Path;

/** Reads a labeled-pair file; a format error fails the task with the file and line in its message. */
public final class LoadPairsTask extends WorkbenchTask<PairDataset> {
    private final Path file;

    public LoadPairsTask(Path file) {
        super("Load pairs " + file.getFileName());
        this.file = file;
    }

    @Override
    protected PairDataset call() {
        updateMessage("reading " + file);
        return PairReader.read(file);
    }
}
