package dev.crossbench.app.decide;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one query may take: "50ms", "0.5 s", "5s", "200us", "1min". A unit is required (a bare
 * "200" could be milliseconds or seconds) and the value must be above zero.
 */
public record LatencyBudget(double millis) {
    private static final Pattern DURATION = Pattern.compile("([0-9]*\\.?[0-9]+(?:e[+]?[0-9]+)?)\\s*([a-zµ]*)");

    public LatencyBudget {
        if (!(millis > 0) || Double.isInfinite(millis)) {
            throw new IllegalArgumentException("a latency budget must be above zero, got " + millis + " ms");
        }
    }

    public static LatencyBudget ofMillis(double millis) {
        return new LatencyBudget(millis);
    }

    /** Parses a budget as typed by a user; every failure is one line naming what was typed. */
    public static LatencyBudget parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("latency budget '" + text + "' must be above zero (e.g. 50ms, 500ms, 5s)");
        }
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("latency budget '" + text + "' is not a duration: write e.g. 50ms, 500ms or 5s");
        }
        double value = Double.parseDouble(m.group(1));
        if (!(value > 0)) {
            throw new IllegalArgumentException("latency budget '" + text + "' must be above zero (e.g. 50ms, 500ms, 5s)");
        }
        double scale = switch (m.group(2)) {
            case "us", "µs" -> 1e-3;
            case "ms" -> 1;
            case "s", "sec" -> 1e3;
            case "m", "min" -> 60e3;
            case "h" -> 3600e3;
            case "" -> throw new IllegalArgumentException("latency budget '" + text + "' needs a unit: " + m.group(1) + "ms or "
                    + m.group(1) + "s");
            default -> throw new IllegalArgumentException("latency budget '" + text + "': unknown unit '" + m.group(2)
                    + "' (us, ms, s, min or h)");
        };
        return new LatencyBudget(value * scale);
    }

    /** "50 ms", "5 s", "1.5 s", "200 µs". */
    public String label() {
        return DecisionFormat.duration(millis);
    }

    public boolean admits(double latencyMillis) {
        return latencyMillis <= millis;
    }

    @Override
    public String toString() {
        return label();
    }
}
