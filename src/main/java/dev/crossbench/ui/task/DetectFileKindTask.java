package dev.crossbench.ui.task;

import dev.crossbench.data.FileKind;
import java.nio.file.Path;

/** Looks at a dropped file's name and first lines to tell pairs, corpus, queries and qrels apart. */
public final class DetectFileKindTask extends WorkbenchTask<FileKind> {
    private final Path file;

    public DetectFileKindTask(Path file) {
        super("Look at " + file.getFileName());
        this.file = file;
    }

    @Override
    protected FileKind call() {
        return FileKind.detect(file);
    }
}
