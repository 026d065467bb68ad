package dev.crossbench.core;

/**
 * A failure the user can act on: its message is one line that names the file, line, field or
 * model at fault (control characters from the data are escaped, so it stays one line). The CLI prints only this message; the GUI shows it with the cause as details.
 */
public class CrossbenchException extends RuntimeException {
    public CrossbenchException(String message) {
        super(ControlChars.escape(message));
    }

    public CrossbenchException(String message, Throwable cause) {
        super(ControlChars.escape(message), cause);
    }
}
