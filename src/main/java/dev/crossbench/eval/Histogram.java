package dev.crossbench.eval;

/**
 * Equal-width bins over [min, max] of the values; the last bin includes max. A constant input gets
 * one bin of width 1 centred on the value, so it is still drawn.
 */
public record Histogram(double min, double binWidth, int[] counts) {

    public Histogram {
        counts = counts.clone();
    }

    public static Histogram of(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, got " + bins);
        }
        if (values.length == 0) {
            return new Histogram(0, 1, new int[bins]);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max == min) {
            int[] one = {values.length};
            return new Histogram(min - 0.5, 1, one);
        }
        double width = (max - min) / bins;
        int[] counts = new int[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
        }
        return new Histogram(min, width, counts);
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    public double binStart(int bin) {
        return min + bin * binWidth;
    }
}
