package dev.crossbench.app.decide;

import dev.crossbench.app.bench.IndexBenchmarkService;
import dev.crossbench.app.decide.Decision.Fit;
import dev.crossbench.app.decide.Decision.IndexScaling;
import dev.crossbench.app.decide.Decision.ScalePoint;
import dev.crossbench.eval.LinearFit;
import dev.crossbench.index.HnswParams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Costs at a corpus size that was not measured: search latency from a curve fitted through measured sizes
 * (exact search grows with N, HNSW with ln N, an HNSW build with N ln N), memory from the vector and link
 * counts.
 */
public final class Extrapolation {
    private Extrapolation() {}

    /** Curve shapes: what x is for a corpus of n vectors. */
    enum Form {
        LINEAR("a + b·N", n -> n),
        LOG("a + b·ln N", Math::log),
        N_LOG_N("a + b·N·ln N", n -> n * Math.log(n));

        final String label;
        final DoubleUnaryOperator x;

        Form(String label, DoubleUnaryOperator x) {
            this.label = label;
            this.x = x;
        }
    }

    /** The least-squares line through (x(N), value); a negative slope (noise at small sizes) becomes flat at the mean. */
    static Fit fit(Form form, List<ScalePoint> points, ToDoubleFunction<ScalePoint> value, long measuredSize, long targetSize) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = form.x.applyAsDouble(points.get(i).vectors());
            y[i] = value.applyAsDouble(points.get(i));
        }
        LinearFit line = LinearFit.of(x, y);
        if (line.slope() < 0 || points.size() < 2) {
            double mean = java.util.Arrays.stream(y).average().orElse(0);
            line = new LinearFit(0, mean);
        }
        return new Fit(form.label, line.intercept(), line.slope(), line.at(form.x.applyAsDouble(measuredSize)),
                line.at(form.x.applyAsDouble(targetSize)));
    }

    /**
     * A latency measured on the corpus moved to the target size by what the fit adds between the two sizes (the
     * search part cannot go below zero).
     */
    static double shift(double measuredMillis, Fit searchFit) {
        double delta = searchFit.atTarget() - searchFit.atMeasured();
        return measuredMillis + Math.max(delta, -Math.max(0, searchFit.atMeasured()));
    }

    /** Links per vector: 2M on the bottom layer plus M on each upper layer, of which a node has 1/(M-1) on average. */
    static double linkBytesPerVector(HnswParams p) {
        return 4.0 * (2 * p.m() + (double) p.m() / (p.m() - 1));
    }

    /** The scaling run's points and the curves through them. */
    static IndexScaling scaling(IndexBenchmarkService.Result r, HnswParams params, long measuredSize, long targetSize) {
        List<ScalePoint> points = new ArrayList<>();
        for (IndexBenchmarkService.ScalePoint p : r.scaling()) {
            IndexBenchmarkService.EfPoint e = p.hnsw().stream().filter(x -> x.ef() == params.ef()).findFirst()
                    .orElse(p.hnsw().get(p.hnsw().size() - 1));
            points.add(new ScalePoint(p.vectors(), p.synthetic(), p.exact().medianMillis(), p.exact().p95Millis(),
                    e.latency().medianMillis(), e.latency().p95Millis(), e.recall(), p.hnswBuildSeconds()));
        }
        return new IndexScaling("HNSW " + params, linkBytesPerVector(params), r.queries(), List.copyOf(points),
                fit(Form.LINEAR, points, ScalePoint::exactP50Millis, measuredSize, targetSize),
                fit(Form.LINEAR, points, ScalePoint::exactP95Millis, measuredSize, targetSize),
                fit(Form.LOG, points, ScalePoint::hnswP50Millis, measuredSize, targetSize),
                fit(Form.LOG, points, ScalePoint::hnswP95Millis, measuredSize, targetSize),
                fit(Form.N_LOG_N, points, ScalePoint::hnswBuildSeconds, measuredSize, targetSize),
                r.scalingNote());
    }

    /**
     * The default sizes of the scaling run: a quarter of the corpus, the corpus, and four times it (whole rotated
     * copies); sizes past the corpus given by the user are rounded up to whole copies too, so every query has a
     * full copy to find its neighbours in.
     */
    static List<Integer> scalingSizes(List<Integer> requested, int corpusSize) {
        List<Integer> sizes = new ArrayList<>();
        List<Integer> wanted = requested.isEmpty() ? List.of(Math.max(2, corpusSize / 4), corpusSize, 4 * corpusSize) : requested;
        for (int s : wanted) {
            int size = s <= corpusSize ? s : (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil((double) s / corpusSize) * corpusSize);
            if (!sizes.contains(size)) {
                sizes.add(size);
            }
        }
        sizes.sort(null);
        return sizes;
    }
}
