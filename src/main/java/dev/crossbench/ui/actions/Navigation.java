package dev.crossbench.ui.actions;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which panel is in front; actions switch to the panel that shows their result. */
public final class Navigation {
    private final ObjectProperty<View> current = new SimpleObjectProperty<>(View.DATA);

    public ObjectProperty<View> currentProperty() {
        return current;
    }

    public void show(View view) {
        current.set(view);
    }

    public View current() {
        return current.get();
    }
}
