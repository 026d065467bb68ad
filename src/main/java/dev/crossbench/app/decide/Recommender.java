package dev.crossbench.app.decide;

import dev.crossbench.app.decide.Decision.Configuration;
import dev.crossbench.app.decide.Decision.Gain;
import dev.crossbench.app.decide.Decision.Kind;
import dev.crossbench.app.decide.Decision.Recommendation;
import dev.crossbench.app.decide.Decision.Upgrade;
import dev.crossbench.eval.Bootstrap;
import dev.crossbench.eval.ConfidenceInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Turns measured configurations into answers: the Pareto front of quality (nDCG@10) against p95 latency at the
 * target corpus size, and per latency budget the best quality that fits, the runner-up and what more quality
 * would cost. Only configurations whose quality was measured on the whole query sample compete (a cross-encoder
 * alone measured on fewer queries is shown with the bi-encoder's figure on the same queries, not ranked against
 * means over other queries); the rest are shown, not recommended.
 */
public final class Recommender {
    /** Quality differences below this (nDCG@10, 0..1) count as equal. */
    static final double SAME_QUALITY = 1e-9;
    static final int BOOTSTRAP_RESAMPLES = 2000;
    /** The article's line between a small and a large corpus. */
    public static final long SMALL_CORPUS = 10_000;

    private Recommender() {}

    /**
     * Indices of the items no other item dominates (at most as costly and at least as good, better in one), in
     * list order. Items whose quality is NaN take no part.
     */
    public static <T> List<Integer> paretoFront(List<T> items, ToDoubleFunction<T> cost, ToDoubleFunction<T> quality) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            double ci = cost.applyAsDouble(items.get(i));
            double qi = quality.applyAsDouble(items.get(i));
            if (Double.isNaN(qi) || Double.isNaN(ci)) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < items.size() && !dominated; j++) {
                double cj = cost.applyAsDouble(items.get(j));
                double qj = quality.applyAsDouble(items.get(j));
                if (j == i || Double.isNaN(qj) || Double.isNaN(cj)) {
                    continue;
                }
                dominated = cj <= ci && qj >= qi && (cj < ci || qj > qi);
            }
            if (!dominated) {
                front.add(i);
            }
        }
        return front;
    }

    /** The configurations with their Pareto mark set (quality against p95 latency at the target size). */
    public static List<Configuration> markPareto(List<Configuration> configs) {
        List<Configuration> rated = comparable(configs);
        List<Integer> front = paretoFront(configs, c -> c.atTarget().p95Millis(), c -> rated.contains(c) ? ndcg(c) : Double.NaN);
        List<Configuration> out = new ArrayList<>(configs.size());
        for (int i = 0; i < configs.size(); i++) {
            out.add(configs.get(i).withPareto(front.contains(i)));
        }
        return out;
    }

    /** The configurations whose quality is a mean over the whole query sample (the most queries any was measured on). */
    public static List<Configuration> comparable(List<Configuration> configs) {
        int most = configs.stream().filter(Configuration::hasQuality).mapToInt(c -> c.quality().queries()).max().orElse(0);
        return configs.stream().filter(c -> c.hasQuality() && c.quality().queries() == most).toList();
    }

    static double ndcg(Configuration c) {
        return c.hasQuality() ? c.quality().ndcg10() : Double.NaN;
    }

    static double p95(Configuration c) {
        return c.atTarget().p95Millis();
    }

    /**
     * The answer for one budget. Fits: p95 at the target size within the budget. Best: the highest nDCG@10 that
     * fits (ties: the faster), unless a faster configuration that fits is not measurably worse: when the 95%
     * paired-bootstrap interval of the highest's gain over it holds zero, the gain is noise of the query sample and
     * the faster one is recommended, with the highest as runner-up. Runner-up otherwise: the next by quality. More
     * quality: the fastest configuration scoring measurably higher than the best (without per-query values, any
     * higher); when only noise scores higher, the summary says so and there is no upgrade.
     */
    public static Recommendation recommend(List<Configuration> configs, LatencyBudget budget, long targetSize) {
        List<Configuration> rated = comparable(configs);
        Comparator<Configuration> byQuality = Comparator.comparingDouble(Recommender::ndcg).reversed()
                .thenComparingDouble(Recommender::p95);
        List<Configuration> fits = rated.stream().filter(c -> budget.admits(p95(c))).sorted(byQuality).toList();
        Configuration fastest = configs.stream().min(Comparator.comparingDouble(Recommender::p95)).orElse(null);
        String at = "at " + DecisionFormat.count(targetSize) + " documents";
        if (fits.isEmpty()) {
            String summary = "nothing measured fits in " + budget.label() + " per query (p95) " + at
                    + (fastest == null ? "" : "; the fastest is " + fastest.name() + " at " + DecisionFormat.duration(p95(fastest)));
            return new Recommendation(budget, null, null, null, null, null, fastest == null ? null : fastest.name(), summary);
        }
        Configuration top = fits.get(0);
        Configuration best = fits.stream().sorted(Comparator.comparingDouble(Recommender::p95).thenComparing(byQuality))
                .filter(c -> c == top || notMeasurablyBetter(top, c)).findFirst().orElse(top);
        Configuration runnerUp = best != top ? top : fits.size() > 1 ? fits.get(1) : null;
        Gain topGain = best == top ? null : new Gain(best.name(), (ndcg(top) - ndcg(best)) * 100, interval(top, best),
                top.quality().queries());
        List<Configuration> higher = rated.stream().filter(c -> ndcg(c) > ndcg(best) + SAME_QUALITY)
                .sorted(Comparator.comparingDouble(Recommender::p95).thenComparing(byQuality)).toList();
        Upgrade upgrade = higher.stream().filter(c -> !notMeasurablyBetter(c, best)).findFirst().map(c -> upgrade(c, best))
                .orElse(null);
        Upgrade onlyNoise = upgrade != null || higher.isEmpty() ? null : upgrade(higher.get(0), best);
        Configuration fastestFit = fits.stream().min(Comparator.comparingDouble(Recommender::p95)).orElseThrow();
        Gain gain = fastestFit == best ? null : new Gain(fastestFit.name(), (ndcg(best) - ndcg(fastestFit)) * 100,
                interval(best, fastestFit), best.quality().queries());
        StringBuilder s = new StringBuilder();
        s.append(best.name()).append(": nDCG@10 ").append(DecisionFormat.points(ndcg(best))).append(", p95 ")
                .append(DecisionFormat.duration(p95(best))).append(' ').append(at)
                .append(best.atTarget().extrapolated() ? " (extrapolated)" : "");
        if (gain != null) {
            s.append(String.format(Locale.ROOT, "; %+.2f nDCG@10 over %s, the fastest that fits%s", gain.points(), gain.over(),
                    intervalText(gain.interval(), gain.queries())));
        }
        if (topGain != null) {
            s.append(String.format(Locale.ROOT, "; the highest measured, %s, is %+.2f nDCG@10 above it%s at p95 %s: not a"
                    + " measurable gain", top.name(), topGain.points(), intervalText(topGain.interval(), topGain.queries()),
                    DecisionFormat.duration(p95(top))));
        }
        s.append(". Runner-up: ");
        if (runnerUp == null) {
            s.append("none, nothing else fits");
        } else {
            s.append(runnerUp.name()).append(" (nDCG@10 ").append(DecisionFormat.points(ndcg(runnerUp))).append(", p95 ")
                    .append(DecisionFormat.duration(p95(runnerUp))).append(')');
        }
        s.append(". More quality: ");
        if (onlyNoise != null) {
            s.append("nothing measurably higher; ").append(upgradeText(onlyNoise));
        } else if (upgrade == null) {
            s.append("nothing measured scores higher");
        } else {
            s.append(upgradeText(upgrade));
        }
        s.append('.');
        return new Recommendation(budget, best.name(), runnerUp == null ? null : runnerUp.name(), gain, topGain, upgrade,
                fastest.name(), s.toString());
    }

    /** Whether {@code top}'s gain over {@code c} is within the noise of the queries (or they score the same). */
    public static boolean notMeasurablyBetter(Configuration top, Configuration c) {
        if (ndcg(top) - ndcg(c) <= SAME_QUALITY) {
            return true;
        }
        ConfidenceInterval ci = interval(top, c);
        return ci != null && ci.low() <= 0;
    }

    private static Upgrade upgrade(Configuration better, Configuration best) {
        return new Upgrade(better.name(), insteadOf(better, best), (ndcg(better) - ndcg(best)) * 100, p95(better) - p95(best),
                interval(better, best));
    }

    /** "K=50 instead of K=20: +0.90 nDCG@10, +310 ms" (with its interval when the per-query values are there). */
    public static String upgradeText(Upgrade u) {
        return String.format(Locale.ROOT, "%s: %+.2f nDCG@10%s, +%s", u.phrase(), u.ndcgGain(), intervalText(u.interval(), 0),
                DecisionFormat.duration(Math.max(0, u.extraMillis())));
    }

    /** " (95% CI -4.21 to +11.70 over 10 queries: within noise)", or "" without an interval. */
    static String intervalText(ConfidenceInterval ci, int queries) {
        if (ci == null || Double.isNaN(ci.low())) {
            return "";
        }
        boolean noise = ci.low() <= 0 && ci.high() >= 0;
        return String.format(Locale.ROOT, " (95%% CI %+.2f to %+.2f%s%s)", ci.low(), ci.high(),
                queries > 0 ? " over " + queries + " queries" : "", noise ? ": within noise" : "");
    }

    /** 95% paired-bootstrap interval of a's nDCG@10 minus b's, in points; null without per-query values on the same queries. */
    public static ConfidenceInterval interval(Configuration a, Configuration b) {
        double[] x = a.quality().ndcgPerQuery();
        double[] y = b.quality().ndcgPerQuery();
        if (x == null || y == null || x.length != y.length || x.length < 2) {
            return null;
        }
        ConfidenceInterval ci = Bootstrap.meanDifferenceInterval(x, y, BOOTSTRAP_RESAMPLES, 42, 0.95);
        return new ConfidenceInterval(ci.low() * 100, ci.high() * 100, ci.level());
    }

    /** "K=50 instead of K=20" within one two-stage pair, else the two names. */
    static String insteadOf(Configuration better, Configuration best) {
        if (better.kind() == Kind.TWO_STAGE && best.kind() == Kind.TWO_STAGE && better.biEncoder().equals(best.biEncoder())
                && better.crossEncoder().equals(best.crossEncoder())) {
            return "K=" + better.k() + " instead of K=" + best.k();
        }
        return better.name() + " instead of " + best.name();
    }

    /**
     * The article's rule of thumb for this corpus size ("under 10K and relaxed latency: a cross-encoder alone;
     * large or tight: two-stage") next to what the measurements recommend under the largest budget.
     */
    public static String ruleOfThumb(long targetSize, List<Configuration> configs, List<Recommendation> recommendations) {
        String rule = targetSize < SMALL_CORPUS
                ? "under 10K documents with relaxed latency, use a cross-encoder alone; with tight latency, go two-stage"
                : "a large corpus (10K+ documents): go two-stage, a bi-encoder with a vector index retrieving and a cross-encoder"
                        + " reranking";
        Recommendation loosest = recommendations.stream().max(Comparator.comparingDouble(r -> r.budget().millis())).orElse(null);
        String measured;
        if (loosest == null || loosest.best() == null) {
            measured = "nothing measured fits the budgets";
        } else {
            Kind kind = configs.stream().filter(c -> c.name().equals(loosest.best())).findFirst().map(Configuration::kind).orElse(null);
            boolean agrees = kind == Kind.TWO_STAGE || kind == Kind.CROSS_ALONE && targetSize < SMALL_CORPUS;
            measured = "measured here, under " + loosest.budget().label() + " the best is " + loosest.best() + " ("
                    + (kind == null ? "?" : kind.label()) + ")" + (agrees ? ", as the rule says"
                            : ": the rule does not hold on this data" + (kind == Kind.BI_EXACT || kind == Kind.BI_HNSW
                                    ? loosest.setAside() != null ? " (reranking did not measurably beat the bi-encoder alone:"
                                            + String.format(Locale.ROOT, " %+.2f nDCG@10 for %s, within noise on %d queries)",
                                                    loosest.setAside().points(), loosest.runnerUp(), loosest.setAside().queries())
                                            : " (reranking did not beat the bi-encoder alone)" : ""));
        }
        if (loosest != null && loosest.bestGain() != null && loosest.bestGain().withinNoise()) {
            measured += "; but its gain over " + loosest.bestGain().over() + " is within noise on " + loosest.bestGain().queries()
                    + " queries: measure more (--queries-sample) before trusting it";
        }
        return "Rule of thumb for " + DecisionFormat.count(targetSize) + " documents: " + rule + "; " + measured + ".";
    }
}
