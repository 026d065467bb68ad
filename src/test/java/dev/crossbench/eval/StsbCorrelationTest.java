package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairDataset;
import dev.crossbench.data.PairReader;
import dev.crossbench.testutil.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Correlation on the real STS-B test split (1379 pairs, gold with many ties) against a word-overlap baseline:
 * Jaccard of the lower-cased, space-split token sets. Expected values from Python (scipy 1.17.1):
 * toks = lambda s: {t for t in s.lower().split(' ') if t}; pred = |toks(s1) & toks(s2)| / |toks(s1) | toks(s2)|;
 * pearsonr(gold, pred) = 0.5052416881723448, spearmanr(gold, pred) = 0.5040898968241969;
 * scipy.stats.bootstrap(paired, 1000 resamples, method='percentile', random_state=0) 95% intervals:
 * Spearman [0.46418316641271634, 0.5434891500784794], Pearson [0.46748636772779484, 0.5398881550892656].
 */
class StsbCorrelationTest {
    private static double[] gold;
    private static double[] overlap;

    @BeforeAll
    static void load() {
        Path file = SharedData.stsb("test");
        PairDataset test = PairReader.read(file);
        gold = test.scores();
        overlap = test.pairs().stream().mapToDouble(StsbCorrelationTest::jaccard).toArray();
    }

    private static double jaccard(LabeledPair pair) {
        Set<String> a = tokens(pair.sentence1());
        Set<String> b = tokens(pair.sentence2());
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        a.retainAll(b);
        return (double) a.size() / union.size();
    }

    private static Set<String> tokens(String s) {
        Set<String> tokens = new HashSet<>(Arrays.asList(s.toLowerCase(Locale.ROOT).split(" ")));
        tokens.remove("");
        return tokens;
    }

    @Test
    void matchesScipyOnTiedRealData() {
        assertEquals(0.5052416881723448, Correlation.pearson(gold, overlap), 1e-12);
        assertEquals(0.5040898968241969, Correlation.spearman(gold, overlap), 1e-12);
    }

    @Test
    void bootstrapIntervalAgreesWithScipyWithinMonteCarloError() {
        // Different random streams: the ends agree to Monte Carlo error (about 0.002 here), not exactly.
        ConfidenceInterval spearman = Bootstrap.correlationInterval(gold, overlap, true, 2000, 1, 0.95);
        assertEquals(0.46418316641271634, spearman.low(), 0.01);
        assertEquals(0.5434891500784794, spearman.high(), 0.01);
        ConfidenceInterval pearson = Bootstrap.correlationInterval(gold, overlap, false, 2000, 1, 0.95);
        assertEquals(0.46748636772779484, pearson.low(), 0.01);
        assertEquals(0.5398881550892656, pearson.high(), 0.01);
    }
}
