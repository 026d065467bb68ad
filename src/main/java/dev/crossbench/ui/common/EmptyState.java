package dev.crossbench.ui.common;

import java.util.function.Predicate;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * What a panel shows when it has nothing to show yet: a short title and what to do about it (or,
 * for a capability that has not landed, which piece of work brings it). Usable from FXML.
 */
public final class EmptyState extends VBox {
    private final Label title = new Label();
    private final Label message = new Label();

    public EmptyState() {
        getStyleClass().add("empty-state");
        title.getStyleClass().add("empty-title");
        message.getStyleClass().add("empty-message");
        for (Label l : new Label[] {title, message}) {
            l.setWrapText(true);
            l.setAlignment(Pos.CENTER);
            l.setTextAlignment(TextAlignment.CENTER);
            // A wrapped label otherwise gets the height of one line and ends in "...".
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        setAlignment(Pos.CENTER);
        setSpacing(6);
        // Keeps its own size (centred) instead of stretching over the whole panel.
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().addAll(title, message);
    }

    public EmptyState(String title, String message) {
        this();
        setTitle(title);
        setMessage(message);
    }

    public StringProperty titleProperty() {
        return title.textProperty();
    }

    public String getTitle() {
        return title.getText();
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    public StringProperty messageProperty() {
        return message.textProperty();
    }

    public String getMessage() {
        return message.getText();
    }

    public void setMessage(String text) {
        message.setText(text);
    }

    /**
     * Says {@code busyTitle} and {@code busyMessage} instead of its own texts while {@code busy} holds for the value of
     * {@code running} (e.g. the view's own task is on the worker), so a panel at work does not ask the user to start it.
     */
    public <T> void sayWhile(ObservableValue<T> running, Predicate<T> busy, String busyTitle, String busyMessage) {
        String idleTitle = getTitle();
        String idleMessage = getMessage();
        running.addListener((o, old, value) -> {
            boolean now = busy.test(value);
            setTitle(now ? busyTitle : idleTitle);
            setMessage(now ? busyMessage : idleMessage);
        });
    }
}
