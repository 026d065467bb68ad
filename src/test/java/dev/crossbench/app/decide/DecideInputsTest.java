package dev.crossbench.app.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.decide.Decision.Fit;
import dev.crossbench.app.decide.Decision.ScalePoint;
import dev.crossbench.index.HnswParams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Budgets and corpus sizes as typed, and the extrapolation's curves. */
class DecideInputsTest {

    @Test
    void budgetsParseWithTheirUnits() {
        assertEquals(50, LatencyBudget.parse("50ms").millis(), 1e-12);
        assertEquals(500, LatencyBudget.parse(" 0.5 s ").millis(), 1e-12);
        assertEquals(5000, LatencyBudget.parse("5s").millis(), 1e-12);
        assertEquals(0.2, LatencyBudget.parse("200us").millis(), 1e-12);
        assertEquals(60_000, LatencyBudget.parse("1min").millis(), 1e-12);
        assertEquals("5 s", LatencyBudget.parse("5000ms").label());
        assertEquals("50 ms", LatencyBudget.parse("50ms").label());
    }

    @Test
    void badBudgetsAreOneClearLine() {
        assertMessage("latency budget 'fast' is not a duration: write e.g. 50ms, 500ms or 5s", () -> LatencyBudget.parse("fast"));
        assertMessage("latency budget '0ms' must be above zero", () -> LatencyBudget.parse("0ms"));
        assertMessage("latency budget '-5ms' must be above zero", () -> LatencyBudget.parse("-5ms"));
        assertMessage("latency budget '200' needs a unit: 200ms or 200s", () -> LatencyBudget.parse("200"));
        assertMessage("unknown unit 'hours'", () -> LatencyBudget.parse("2hours"));
    }

    @Test
    void corpusSizesParseAndMustBeAWholeNumberOfAtLeastOne() {
        assertEquals(1_000_000, DecideSettings.parseCorpusSize("1e6"));
        assertEquals(1_000_000, DecideSettings.parseCorpusSize("1,000,000"));
        assertEquals(250_000, DecideSettings.parseCorpusSize("250k"));
        assertEquals(2_000_000, DecideSettings.parseCorpusSize("2M"));
        assertEquals(1, DecideSettings.parseCorpusSize("1"));
        assertMessage("corpus size '0' must be at least 1 document", () -> DecideSettings.parseCorpusSize("0"));
        assertMessage("corpus size '-3' must be at least 1 document", () -> DecideSettings.parseCorpusSize("-3"));
        assertMessage("corpus size '0.5' must be at least 1 document", () -> DecideSettings.parseCorpusSize("0.5"));
        assertMessage("corpus size '1.5' is not a whole number", () -> DecideSettings.parseCorpusSize("1.5"));
        assertMessage("corpus size 'lots' is not a number of documents", () -> DecideSettings.parseCorpusSize("lots"));
    }

    @Test
    void curvesThroughMeasuredSizes() {
        // exact: 0.1 ms per 1,000 vectors; HNSW: 0.2 + 0.1 ln N
        List<ScalePoint> points = List.of(point(1000), point(5000), point(20000));
        Fit exact = Extrapolation.fit(Extrapolation.Form.LINEAR, points, ScalePoint::exactP50Millis, 5000, 1_000_000);
        assertEquals(100.0, exact.atTarget(), 1e-6);
        assertEquals(0.5, exact.atMeasured(), 1e-9);
        Fit hnsw = Extrapolation.fit(Extrapolation.Form.LOG, points, ScalePoint::hnswP50Millis, 5000, 1_000_000);
        assertEquals(0.2 + 0.1 * Math.log(1e6), hnsw.atTarget(), 1e-9);
        // a measured total of 10 ms at 5,000 vectors becomes 10 + (100 - 0.5) ms at 1,000,000 with exact search
        assertEquals(109.5, Extrapolation.shift(10, exact), 1e-6);
        // a curve that falls (noise) is flat at its mean: no speed-up from more documents
        Fit flat = Extrapolation.fit(Extrapolation.Form.LOG, points, p -> 1.0 / p.vectors(), 5000, 1_000_000);
        assertEquals(0, flat.slope());
        assertEquals(132.0, Extrapolation.linkBytesPerVector(new HnswParams(16, 400, 80)), 0.3);
        assertEquals(List.of(30, 120, 480), Extrapolation.scalingSizes(List.of(), 120));
        assertEquals(List.of(50, 240), Extrapolation.scalingSizes(List.of(50, 200, 240), 120), "past the corpus: whole copies");
    }

    private static ScalePoint point(int n) {
        return new ScalePoint(n, false, n / 1e4, n / 1e4 * 1.2, 0.2 + 0.1 * Math.log(n), 0.3 + 0.1 * Math.log(n), 0.99, n / 1e3);
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(fragment), x.getMessage());
        assertTrue(!x.getMessage().contains("\n"), "one line");
    }
}
