package dev.crossbench.eval;

/** A range [low, high] that holds the true value with the stated confidence level (e.g. 0.95). */
public record ConfidenceInterval(double low, double high, double level) {
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    public double width() {
        return high - low;
    }
}
