package dev.crossbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.BiEncoderPairResult;
import dev.crossbench.app.CorrelationIntervals;
import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.data.PairDataset;
import dev.crossbench.eval.Histogram;
import dev.crossbench.eval.LinearFit;
import dev.crossbench.eval.PairCorrelations;
import dev.crossbench.eval.PairEvaluator;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.ui.workspace.DisagreementRow;
import dev.crossbench.ui.workspace.ModelPairResult;
import dev.crossbench.ui.workspace.PairComparison;
import dev.crossbench.ui.workspace.RunRecord;
import dev.crossbench.ui.workspace.SyntheticResults;
import dev.crossbench.ui.workspace.TimingRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
    private static final double[] GOLD = {0.1, 0.9, 0.5, 0.3, 0.7};

    @Test
    void aSavedSessionComesBackWithEveryValueOfTheComparison(@TempDir Path home) throws Exception {
        PairDataset data = SyntheticResults.pairs(GOLD);
        ModelPairResult bi = SyntheticResults.model("bi", data, 0.2, 0.8, 0.6, 0.1, 0.75);
        ModelPairResult cross = crossEncoder(data, 0.05, 0.97, 0.4, 0.35, 0.6);
        PairComparison original = PairComparison.of(data, List.of(bi, cross));
        Path pairsFile = Files.writeString(home.resolve("pairs.csv"), "a,b,1\n");
        SavedFile file = SavedFile.of(pairsFile).orElseThrow();
        RunRecord run = new RunRecord(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6000), "Compare 2 models on synthetic", 1.25, "done");
        TimingRow timing = new TimingRow("bi", "onnxruntime", TimingRow.ENCODE, 32, 100, 250.0, 9000.0, null, null);
        SavedSession saved = new SavedSession(SavedSession.VERSION, file, null, null, null,
                new SavedSession.SavedComparison(original.finishedAt(), data.size(),
                        original.models().stream().map(SavedModelResult::of).toList()),
                List.of(timing), List.of(run));
        SessionStore store = SessionStore.inHome(home);
        store.save(saved);

        SessionStore.Loaded loaded = store.load();
        assertNull(loaded.note());
        SavedSession back = loaded.session();
        assertEquals(file, back.pairs());
        assertNull(back.corpus());
        assertEquals(List.of(timing), back.timings());
        assertEquals(List.of(run), back.history());
        List<ModelPairResult> models = back.comparison().models().stream().map(SavedModelResult::toResult).toList();
        PairComparison restored = PairComparison.restored(data, models, back.comparison().finishedAt());
        assertEquals(original.finishedAt(), restored.finishedAt());
        assertEquals(List.of("bi", "cross"), restored.modelNames());
        for (int m = 0; m < 2; m++) {
            ModelPairResult a = original.models().get(m);
            ModelPairResult b = restored.models().get(m);
            assertEquals(a.spearman(), b.spearman(), 0.0, "exactly the saved Spearman");
            assertEquals(a.pearson(), b.pearson(), 0.0);
            assertArrayEquals(a.predicted(), b.predicted(), 0.0);
            assertEquals(a.intervals(), b.intervals());
            assertEquals(a.fit(), b.fit());
            assertArrayEquals(a.histogram().counts(), b.histogram().counts());
            assertEquals(a.kind(), b.kind());
            assertEquals(a.spec().descriptor().folder(), b.spec().descriptor().folder());
            assertEquals(a.spec().options(), b.spec().options());
            assertEquals(a.result().correlations().bySimilarity().keySet(), b.result().correlations().bySimilarity().keySet());
            assertEquals(a.result().engine(), b.result().engine());
        }
        assertEquals(original.disagreements().stream().map(DisagreementRow::index).toList(),
                restored.disagreements().stream().map(DisagreementRow::index).toList(), "the same pairs lead the disagreements");
    }

    @Test
    void aTruncatedSessionFileGivesAnEmptySessionAndANoteNotAnException(@TempDir Path home) {
        PairDataset data = SyntheticResults.pairs(GOLD);
        ModelPairResult bi = SyntheticResults.model("bi", data, 0.2, 0.8, 0.6, 0.1, 0.75);
        SessionStore store = SessionStore.inHome(home);
        store.save(new SavedSession(SavedSession.VERSION, null, null, null, null,
                new SavedSession.SavedComparison(LocalDateTime.now(), data.size(), List.of(SavedModelResult.of(bi))),
                List.of(), List.of()));
        truncate(store.file());

        SessionStore.Loaded loaded = store.load();
        assertSame(SavedSession.EMPTY, loaded.session());
        assertTrue(loaded.note().contains("was not read") && loaded.note().endsWith("starting empty"), loaded.note());
        assertTrue(Files.exists(store.unreadableCopy()), "the unreadable file is kept aside");
        assertTrue(!Files.exists(store.file()), "and no longer read at the next start");
        assertNull(store.load().note());
    }

    @Test
    void wrongShapesAndVersionsAreIgnoredWithANote(@TempDir Path home) throws Exception {
        SessionStore store = SessionStore.inHome(home);
        for (String text : List.of("", "[1, 2]", "{\"version\": 1, \"history\": 5}", "{\"version\": 99}",
                "{\"version\": 1, \"history\": [null]}",
                "\u0000\u00ff garbage")) {
            Files.writeString(store.file(), text, StandardCharsets.UTF_8);
            SessionStore.Loaded loaded = store.load();
            assertSame(SavedSession.EMPTY, loaded.session(), text);
            assertTrue(loaded.note() != null && loaded.note().contains("starting empty"), text + ": " + loaded.note());
        }
    }

    @Test
    void noSessionFileIsAnEmptyStartWithoutANote(@TempDir Path home) {
        SessionStore.Loaded loaded = SessionStore.inHome(home).load();
        assertSame(SavedSession.EMPTY, loaded.session());
        assertNull(loaded.note());
    }

    @Test
    void aSavedComparisonThatDoesNotFitThePairsIsRefused() {
        PairDataset data = SyntheticResults.pairs(GOLD);
        SavedModelResult saved = SavedModelResult.of(SyntheticResults.model("bi", data, 0.2, 0.8, 0.6, 0.1, 0.75));
        PairDataset fewer = SyntheticResults.pairs(0.1, 0.9, 0.5);
        ModelPairResult result = saved.toResult();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PairComparison.restored(fewer, List.of(result), LocalDateTime.now()));
        assertTrue(e.getMessage().contains("5 saved scores for 3 pairs"), e.getMessage());
    }

    @Test
    void aFileIsKnownToHaveChangedOrGone(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("corpus.jsonl"), "{\"_id\": \"d1\", \"text\": \"x\"}\n");
        SavedFile saved = SavedFile.of(f).orElseThrow();
        assertTrue(saved.change().isEmpty());
        Files.writeString(f, "{\"_id\": \"d2\", \"text\": \"y\"}\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals("has changed since", saved.change().orElseThrow());
        Files.delete(f);
        assertEquals("is gone", saved.change().orElseThrow());
        assertTrue(SavedFile.of(f).isEmpty());
    }

    private static void truncate(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A cross-encoder's result: scores predicted directly, no similarity functions. */
    private static ModelPairResult crossEncoder(PairDataset data, double... scores) {
        ModelSpec bi = SyntheticResults.model("cross", data, scores).spec();
        ModelSpec spec = new ModelSpec(ModelKind.CROSS, bi.descriptor(), bi.engine(), bi.options(), ScoreActivation.SIGMOID);
        double[] gold = data.scores();
        PairCorrelations c = PairEvaluator.evaluate(gold, scores);
        BiEncoderPairResult r = new BiEncoderPairResult("cross", "cross-encoder", "onnxruntime", c, 0, 0.5, 10.0, null);
        return new ModelPairResult(spec, r, CorrelationIntervals.of(gold, c.main()), LinearFit.of(gold, scores),
                Histogram.of(scores, ModelPairResult.HISTOGRAM_BINS));
    }
}
