package dev.crossbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/** The look shared by every chart, on screen and in exported PNGs. */
public final class ChartTheme {
    public static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    public static final Font SUBTITLE = new Font("SansSerif", Font.PLAIN, 12);
    public static final Font SMALL = new Font("SansSerif", Font.PLAIN, 10);
    private static final Color GRID = new Color(0xE3E6EB);
    private static final Color PLOT_BACKGROUND = new Color(0xFBFBFD);

    private ChartTheme() {}

    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(PLOT_BACKGROUND);
        plot.setOutlinePaint(GRID);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
            cat.setRangeGridlineStroke(new BasicStroke(1f));
        }
        return chart;
    }

    public static TextTitle subtitle(String text, Font font) {
        TextTitle t = new TextTitle(text, font);
        t.setPaint(new Color(0x374151));
        return t;
    }
}
