package dev.crossbench.ui.task;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads a corpus, query or qrels file with its reader (CorpusReader::read...); a format error
 * fails the task with the file and line in its message.
 */
public final class LoadRetrievalFileTask<T> extends WorkbenchTask<T> {
    private final Path file;
    private final Function<Path, T> reader;

    public LoadRetrievalFileTask(String what, Path file, Function<Path, T> reader) {
        super("Load " + what + " " + file.getFileName());
        this.file = file;
        this.reader = reader;
    }

    @Override
    protected T call() {
        updateMessage("reading " + file);
        return reader.apply(file);
    }
}
