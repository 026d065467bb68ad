package dev.crossbench.ui.common;

import dev.crossbench.eval.ConfidenceInterval;
import java.util.Locale;

/** Number formats shared by views, charts and exports, so the same value always reads the same. */
public final class Formats {
    private Formats() {}

    /** Correlations with 4 decimals: the precision the CLI's JSON is compared at. */
    public static String correlation(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    public static String interval(ConfidenceInterval ci) {
        if (Double.isNaN(ci.low())) {
            return "[n/a]";
        }
        return String.format(Locale.ROOT, "[%.3f, %.3f]", ci.low(), ci.high());
    }

    public static String score(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    public static String gap(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static String rate(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    public static String millis(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    public static String seconds(double v) {
        return String.format(Locale.ROOT, "%.1f s", v);
    }

    /** A time left or taken as people read it: "42 s", "3 min 05 s", "1 h 20 min"; "–" when unknown. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }

    /** Shortens a text for tooltips and one-line cells. */
    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
