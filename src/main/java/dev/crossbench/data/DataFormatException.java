package dev.crossbench.data;

import dev.crossbench.core.CrossbenchException;
import java.nio.file.Path;

/** A malformed input file: the message names the file, the line (1-based, 0 when unknown) and the problem. */
public class DataFormatException extends CrossbenchException {
    private final Path file;
    private final long line;

    public DataFormatException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }
}
