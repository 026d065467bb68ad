package dev.crossbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchPrefsTest {
    private final WorkbenchPrefs prefs = new WorkbenchPrefs(Preferences.userRoot().node("dev/crossbench/workbench-prefs-test"));

    @BeforeEach
    @AfterEach
    void clear() {
        prefs.clear();
    }

    @Test
    void remembersTheWindow() {
        assertEquals(0, prefs.window().width(), "never saved");
        prefs.saveWindow(new WorkbenchPrefs.WindowBounds(10, 20, 1200, 800, true));
        assertEquals(new WorkbenchPrefs.WindowBounds(10, 20, 1200, 800, true), prefs.window());
    }

    @Test
    void recentFilesAreMostRecentFirstWithoutDuplicatesOrVanishedFiles(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "x");
        Path b = Files.writeString(dir.resolve("b.csv"), "x");
        Path gone = Files.writeString(dir.resolve("gone.csv"), "x");
        prefs.addRecentFile(a);
        prefs.addRecentFile(gone);
        prefs.addRecentFile(b);
        prefs.addRecentFile(a);
        Files.delete(gone);
        assertEquals(List.of(a, b), prefs.recentFiles());
        for (int i = 0; i < 12; i++) {
            prefs.addRecentFile(Files.writeString(dir.resolve(i + ".csv"), "x"));
        }
        assertEquals(8, prefs.recentFiles().size());
        assertTrue(prefs.recentFiles().get(0).endsWith("11.csv"));
    }

    @Test
    void remembersTheChosenModels() {
        assertEquals(List.of(), prefs.chosenModels());
        prefs.saveChosenModels(List.of("all-MiniLM-L6-v2", "org/name", "/models/my model"));
        assertEquals(List.of("all-MiniLM-L6-v2", "org/name", "/models/my model"), prefs.chosenModels());
    }
}
