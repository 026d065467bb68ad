package dev.crossbench.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.data.PairDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairComparisonTest {
    @Test
    void ordersPairsByHowFarTheModelsPlaceThemFromGold() {
        PairDataset data = SyntheticResults.pairs(0, 1, 2, 3, 4);
        // "good" ranks the pairs as gold does; "swapped" puts pair 0 on top and pair 4 at the bottom.
        ModelPairResult good = SyntheticResults.model("good", data, 0.1, 0.3, 0.5, 0.7, 0.9);
        ModelPairResult swapped = SyntheticResults.model("swapped", data, 0.95, 0.3, 0.5, 0.7, 0.05);
        PairComparison c = PairComparison.of(data, List.of(good, swapped));

        assertEquals(List.of("good", "swapped"), c.modelNames());
        List<DisagreementRow> rows = c.disagreements();
        assertEquals(5, rows.size());
        assertEquals(0, rows.get(0).index(), "pair 0 and 4 are where swapped disagrees most");
        assertEquals(4, rows.get(1).index());
        assertEquals(1.0, rows.get(0).goldGap(), 1e-9);
        assertEquals(1.0, rows.get(0).modelGap(), 1e-9, "and where the two models disagree");
        assertEquals(0.0, rows.get(4).goldGap(), 1e-9);
        assertEquals(0.95, rows.get(0).predicted(1), 1e-6);
        assertEquals(1, rows.get(0).number());
    }

    @Test
    void oneModelHasNoGapBetweenModels() {
        PairDataset data = SyntheticResults.pairs(0, 1, 2);
        PairComparison c = PairComparison.of(data, List.of(SyntheticResults.model("m", data, 0.2, 0.9, 0.5)));
        c.disagreements().forEach(r -> assertEquals(0.0, r.modelGap()));
    }
}
