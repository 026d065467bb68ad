package dev.crossbench;

/**
 * A failure the user can act on: its message is one line that names the file, line, field or
 * model at fault. The CLI prints only this message; the GUI shows it with the cause as details.
 */
public class CrossbenchException extends RuntimeException {
    public CrossbenchException(String message) {
        super(message);
    }

    public CrossbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
