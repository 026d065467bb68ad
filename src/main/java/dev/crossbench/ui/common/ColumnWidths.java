package dev.crossbench.ui.common;

import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Column widths from what a column holds: the widest of its header and cells as the default font draws them, within
 * bounds, so numbers and short names are never cut to "..." while a long text column cannot push the others out of
 * the window. A clipped header keeps its full text in a tooltip.
 */
public final class ColumnWidths {
    /** Cell padding and the sort arrow's room. */
    private static final double PADDING = 26;

    private ColumnWidths() {}

    public static double of(List<String> texts, double min, double max) {
        Text probe = new Text();
        double widest = 0;
        for (String t : texts) {
            probe.setText(t == null ? "" : t);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.max(min, Math.min(max, Math.ceil(widest + PADDING)));
    }

    /** Sizes {@code column} to {@code header} and {@code cells}; a header wider than the column gets a tooltip. */
    public static void fit(TableColumn<?, ?> column, String header, List<String> cells, double min, double max) {
        List<String> all = new java.util.ArrayList<>(cells);
        all.add(header);
        double width = of(all, min, max);
        column.setPrefWidth(width);
        if (of(List.of(header), 0, Double.MAX_VALUE) > width) {
            javafx.scene.control.Label label = new javafx.scene.control.Label(header);
            label.setTooltip(new Tooltip(header));
            column.setText(null);
            column.setGraphic(label);
        }
    }
}
