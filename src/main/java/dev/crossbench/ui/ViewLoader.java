package dev.crossbench.ui;

import dev.crossbench.ui.actions.UiContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads an FXML view from {@code /dev/crossbench/ui/}; controllers (of included views too) are
 * built with the shared {@link UiContext} when they have a constructor taking one.
 */
public final class ViewLoader {
    private ViewLoader() {}

    public static Parent load(String fxml, UiContext ui) {
        URL url = ViewLoader.class.getResource("/dev/crossbench/ui/" + fxml);
        if (url == null) {
            throw new IllegalStateException("view " + fxml + " is missing from the class path");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> controller(type, ui));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + fxml + ": " + e.getMessage(), e);
        }
    }

    private static Object controller(Class<?> type, UiContext ui) {
        try {
            try {
                return type.getConstructor(UiContext.class).newInstance(ui);
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("controller " + type.getSimpleName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create controller " + type.getName(), e);
        }
    }
}
