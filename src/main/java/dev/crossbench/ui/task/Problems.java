package dev.crossbench.ui.task;

import dev.crossbench.core.CrossbenchException;
import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The error shown in the window's error bar (the latest one; older ones stay in the run history).
 * User errors (bad files, unknown models) show their own message; anything else shows its type too.
 */
public final class Problems {
    private final ObjectProperty<Problem> current = new SimpleObjectProperty<>();

    public ObjectProperty<Problem> currentProperty() {
        return current;
    }

    public Problem current() {
        return current.get();
    }

    public void report(String title, Throwable error) {
        current.set(new Problem(title, userMessage(error), stackTrace(error)));
    }

    public void report(String title, String message) {
        current.set(new Problem(title, message, ""));
    }

    public void dismiss() {
        current.set(null);
    }

    public static String userMessage(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof CrossbenchException || t instanceof IllegalArgumentException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return error.getClass().getSimpleName() + (error.getMessage() != null ? ": " + error.getMessage() : "");
    }

    private static String stackTrace(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
