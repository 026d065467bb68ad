package dev.crossbench.eval;

/**
 * Ordinary least-squares line y = intercept + slope * x, drawn through scatter plots of predicted
 * against gold scores. A constant x has no defined slope: the line is then flat at the mean of y.
 */
public record LinearFit(double slope, double intercept) {

    public static LinearFit of(double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("a line fit needs paired values: x has " + x.length + ", y has " + y.length);
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.length;
        meanY /= y.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new LinearFit(slope, meanY - slope * meanX);
    }

    public double at(double x) {
        return intercept + slope * x;
    }
}
