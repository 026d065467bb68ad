package dev.crossbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.ModelKind;
import dev.crossbench.train.TrainingOptions;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {
    @Test
    void startsFromTheCliDefaults() {
        TrainingOptions o = new TrainingSettings().options();
        assertEquals(TrainingOptions.defaults(), o);
        assertEquals("2e-5", new TrainingSettings().learningRateProperty().get());
    }

    @Test
    void readsWhatIsTyped() {
        TrainingSettings s = new TrainingSettings();
        s.learningRateProperty().set(" 3e-5 ");
        s.warmupProperty().set("0.2");
        s.symmetricPairsProperty().set(true);
        TrainingOptions o = s.options();
        assertEquals(3e-5, o.learningRate());
        assertEquals(0.2, o.warmupFraction());
        assertTrue(o.symmetricPairs());
    }

    @Test
    void explainsWhatIsWrong() {
        TrainingSettings s = new TrainingSettings();
        s.warmupProperty().set("lots");
        assertTrue(assertThrows(IllegalArgumentException.class, s::options).getMessage().startsWith("warm-up fraction: 'lots'"));
        s.warmupProperty().set("1.5");
        assertTrue(assertThrows(IllegalArgumentException.class, s::options).getMessage().contains("[0, 1)"));
        assertTrue(assertThrows(IllegalArgumentException.class, s::trainPath).getMessage().startsWith("training pairs: no file"));
    }

    @Test
    void theDefaultOutputFolderIsNamedAfterBaseKindAndTime() {
        TrainingSettings s = new TrainingSettings();
        s.baseProperty().set("org/some model");
        s.kindProperty().set(ModelKind.BI);
        Path root = Path.of("cache", "trained");
        assertEquals(root.resolve("some_model-bi-20250102-030405"), s.outputFolder(root, LocalDateTime.of(2025, 1, 2, 3, 4, 5)));
        s.outputProperty().set("elsewhere");
        assertEquals(Path.of("elsewhere"), s.outputFolder(root, LocalDateTime.now()));
    }
}
