package dev.crossbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingSettingsTest {
    @Test
    void parsesBatchSizesSeparatedByCommasOrSpaces() {
        TimingSettings s = new TimingSettings();
        s.batchSizesProperty().set(" 8, 32 64,8 ");
        assertEquals(List.of(8, 32, 64), s.parsedBatchSizes());
    }

    @Test
    void explainsWhatIsWrong() {
        TimingSettings s = new TimingSettings();
        s.batchSizesProperty().set("8, lots");
        assertTrue(assertThrows(IllegalArgumentException.class, s::parsedBatchSizes).getMessage().contains("'lots' is not a whole number"));
        s.batchSizesProperty().set("0");
        assertTrue(assertThrows(IllegalArgumentException.class, s::parsedBatchSizes).getMessage().contains("outside 1..4096"));
        s.batchSizesProperty().set(" ");
        assertThrows(IllegalArgumentException.class, s::parsedBatchSizes);
    }
}
