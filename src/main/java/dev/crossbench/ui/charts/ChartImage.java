package dev.crossbench.ui.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;

/**
 * A JFreeChart drawn off the FX thread: the chart is rendered with Java2D on a background thread
 * into an image, which the FX thread only has to show. (Drawn live on a canvas, a scatter of a
 * thousand translucent dots kept the FX and render threads busy for hundreds of milliseconds in
 * software rendering.) Clicks and tooltips use the entity map of the image shown.
 *
 * <p>Threading: after construction the chart object belongs to the renderer thread; change it only
 * through {@link #update}, which queues the change before the next render.
 */
public final class ChartImage extends Region {
    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "crossbench-chart-renderer");
        t.setDaemon(true);
        return t;
    });

    private final JFreeChart chart;
    private final ImageView view = new ImageView();
    private final PauseTransition resizeSettles = new PauseTransition(Duration.millis(60));
    private final Tooltip tooltip = new Tooltip();
    private final ReadOnlyIntegerWrapper renders = new ReadOnlyIntegerWrapper();
    private ChartRenderingInfo info;
    private long requested;
    private Consumer<ChartEntity> onEntityClicked = e -> { };

    public ChartImage(JFreeChart chart) {
        this.chart = chart;
        getStyleClass().add("chart-image");
        getChildren().add(view);
        view.setManaged(false);
        resizeSettles.setOnFinished(e -> render());
        widthProperty().addListener((o, old, w) -> resizeSettles.playFromStart());
        heightProperty().addListener((o, old, h) -> resizeSettles.playFromStart());
        setOnMouseClicked(e -> {
            ChartEntity entity = entityAt(e.getX(), e.getY());
            if (entity != null) {
                onEntityClicked.accept(entity);
            }
        });
        setOnMouseMoved(e -> showTooltip(entityAt(e.getX(), e.getY()), e.getScreenX(), e.getScreenY()));
        setOnMouseExited(e -> tooltip.hide());
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        ContextMenu menu = new ContextMenu(saveItem());
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    /** Called on the FX thread with the entity (a dot, a bar...) under a click. */
    public void setOnEntityClicked(Consumer<ChartEntity> handler) {
        this.onEntityClicked = handler;
    }

    /** Runs {@code change} on the renderer thread, then draws the chart again. */
    public void update(Consumer<JFreeChart> change) {
        RENDERER.execute(() -> change.accept(chart));
        render();
    }

    /** How many images have been shown; tests and the demo tour wait on it. */
    public ReadOnlyIntegerProperty rendersProperty() {
        return renders.getReadOnlyProperty();
    }

    /**
     * The chart, for reading what never changes after it was built (title, subtitles) on the FX
     * thread; anything else goes through {@link #update}.
     */
    public JFreeChart chart() {
        return chart;
    }

    /** The entity map of the image on screen, in this node's coordinates; null before the first image. */
    public ChartRenderingInfo renderingInfo() {
        return info;
    }

    private ChartEntity entityAt(double x, double y) {
        return info == null ? null : info.getEntityCollection().getEntity(x, y);
    }

    private void showTooltip(ChartEntity entity, double screenX, double screenY) {
        String text = entity == null ? null : entity.getToolTipText();
        if (text == null || text.isEmpty()) {
            tooltip.hide();
            return;
        }
        tooltip.setText(text);
        tooltip.show(this, screenX + 14, screenY + 14);
    }

    private void render() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w < 20 || h < 20) {
            return;
        }
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        long ticket = ++requested;
        RENDERER.execute(() -> {
            ChartRenderingInfo ri = new ChartRenderingInfo();
            BufferedImage img = new BufferedImage((int) Math.ceil(w * scale), (int) Math.ceil(h * scale), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h), ri);
            g.dispose();
            WritableImage fx = SwingFXUtils.toFXImage(img, null);
            Platform.runLater(() -> show(ticket, fx, ri, w, h));
        });
    }

    private void show(long ticket, WritableImage image, ChartRenderingInfo ri, double w, double h) {
        if (ticket != requested) {
            return; // a newer render is on its way
        }
        view.setImage(image);
        view.setFitWidth(w);
        view.setFitHeight(h);
        view.resizeRelocate(0, 0, w, h);
        info = ri;
        renders.set(renders.get() + 1);
    }

    private MenuItem saveItem() {
        MenuItem save = new MenuItem("Save chart as PNG…");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save chart as PNG");
            chooser.setInitialFileName("chart.png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                int w = (int) Math.max(getWidth(), 640);
                int h = (int) Math.max(getHeight(), 480);
                RENDERER.execute(() -> {
                    try {
                        ChartUtils.saveChartAsPNG(f, chart, w, h);
                    } catch (IOException ex) {
                        Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, "Cannot write " + f + ": " + ex.getMessage())
                                .show());
                    }
                });
            }
        });
        return save;
    }
}
