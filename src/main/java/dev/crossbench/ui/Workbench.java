package dev.crossbench.ui;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.ModelService;
import dev.crossbench.ui.actions.UiContext;
import dev.crossbench.ui.settings.SessionStore;
import dev.crossbench.ui.settings.WorkbenchPrefs;
import dev.crossbench.ui.start.FirstStart;
import dev.crossbench.ui.start.SessionKeeper;
import dev.crossbench.ui.start.StartOptions;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Builds the main window around a fresh {@link UiContext}, restores its size and the saved session,
 * and starts loading; saves the session again on close.
 */
public final class Workbench {
    static final double DEFAULT_WIDTH = 1360;
    static final double DEFAULT_HEIGHT = 860;
    public static final String STYLESHEET = "/dev/crossbench/ui/workbench.css";

    private final UiContext ui;
    private final Stage stage;
    private final SessionKeeper session;

    private Workbench(UiContext ui, Stage stage, SessionKeeper session) {
        this.ui = ui;
        this.stage = stage;
        this.session = session;
    }

    public static Workbench open(Stage stage, StartOptions options, WorkbenchPrefs prefs) {
        return open(stage, options, prefs, CorpusIndexer.standard(), SessionStore.standard());
    }

    /** @param indexer where corpus embeddings are cached (tests pass an empty temporary one) */
    public static Workbench open(Stage stage, StartOptions options, WorkbenchPrefs prefs, CorpusIndexer indexer) {
        return open(stage, options, prefs, indexer, SessionStore.standard());
    }

    /** @param sessions where the session is restored from and saved to (tests pass one in a temporary home) */
    public static Workbench open(Stage stage, StartOptions options, WorkbenchPrefs prefs, CorpusIndexer indexer,
            SessionStore sessions) {
        UiContext ui = new UiContext(ModelService.standard(), indexer, prefs);
        ui.setWindow(stage);
        Parent root = ViewLoader.load("MainView.fxml", ui);
        WorkbenchPrefs.WindowBounds saved = prefs.window();
        // Never larger than the screen, whatever was saved on a bigger one.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(saved.width() > 0 ? saved.width() : DEFAULT_WIDTH, screen.getWidth()),
                Math.min(saved.height() > 0 ? saved.height() : DEFAULT_HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(Workbench.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Crossbench — bi-encoders and cross-encoders on your data");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        placeOnScreen(stage, saved);
        SessionKeeper session = new SessionKeeper(ui, sessions);
        Workbench wb = new Workbench(ui, stage, session);
        stage.setOnHidden(e -> wb.saveWindowAndSession());
        stage.show();
        new FirstStart(ui, options, session).run();
        return wb;
    }

    /** Back where it was when that spot is still on a screen; else centred. */
    private static void placeOnScreen(Stage stage, WorkbenchPrefs.WindowBounds saved) {
        if (saved.width() > 0 && !Double.isNaN(saved.x()) && !Screen.getScreensForRectangle(
                new Rectangle2D(saved.x(), saved.y(), Math.min(saved.width(), 200), 50)).isEmpty()) {
            stage.setX(saved.x());
            stage.setY(saved.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(saved.maximized());
    }

    private void saveWindowAndSession() {
        saveWindow();
        session.flush();
    }

    private void saveWindow() {
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            ui.prefs().saveWindow(new WorkbenchPrefs.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
        } else {
            WorkbenchPrefs.WindowBounds old = ui.prefs().window();
            ui.prefs().saveWindow(new WorkbenchPrefs.WindowBounds(old.x(), old.y(), old.width(), old.height(), stage.isMaximized()));
        }
        ui.prefs().flush();
    }

    public UiContext ui() {
        return ui;
    }

    public Stage stage() {
        return stage;
    }

    /** Saves the window and the session and stops background work (the worker thread is a daemon), then frees the open search models. */
    public void close() {
        saveWindowAndSession();
        ui.tasks().shutdown(ui.actions().retrieval()::close);
    }
}
