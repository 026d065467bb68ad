package dev.crossbench.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.app.CorpusIndexer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message of a long phase: count, then rate and time left once a second has passed; a new phase starts over. */
class PhaseProgressTest {
    @Test
    void addsRateAndTimeLeftAfterASecondOfAPhase() {
        long[] now = {0};
        List<String> messages = new ArrayList<>();
        double[] bar = new double[2];
        PhaseProgress p = new PhaseProgress("", messages::add, (done, total) -> { bar[0] = done; bar[1] = total; }, 0, 1,
                () -> now[0]);
        p.update(CorpusIndexer.ENCODE_PHASE, 0, 5_183);
        now[0] = 500_000_000L; // half a second: too early for a rate
        p.update(CorpusIndexer.ENCODE_PHASE, 64, 5_183);
        now[0] = 4_000_000_000L; // 640 documents in 4 s: 160/s, 4,543 left = 28 s
        p.update(CorpusIndexer.ENCODE_PHASE, 640, 5_183);
        p.update(CorpusIndexer.INDEX_PHASE, 10, 5_183); // a new phase: no rate until its own second has passed
        String encode = CorpusIndexer.ENCODE_PHASE;
        assertEquals(List.of(encode + ": 0 of 5,183", encode + ": 64 of 5,183", encode + ": 640 of 5,183 · 160/s · 28 s left",
                CorpusIndexer.INDEX_PHASE + ": 10 of 5,183"), messages);
        assertEquals(0.8 + 0.1 * 10 / 5_183.0, bar[0], 1e-12);
        assertEquals(1, bar[1], 0);
    }
}
