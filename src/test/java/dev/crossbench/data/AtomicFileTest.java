package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.core.CrossbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes leave no temp file behind on any failure (issue 11, defect 10). */
class AtomicFileTest {
    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aFolderInThePlaceOfTheTargetLeavesNoTempFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("emb.npy"));
        CrossbenchException e = assertThrows(CrossbenchException.class,
                () -> NpyFile.write(folder, new float[][] {{1f, 2f}}));
        assertTrue(e.getMessage().startsWith(folder + ": cannot write embeddings"), e.getMessage());
        assertEquals(List.of(folder), listing());
    }

    @Test
    void aFailingWriteKeepsThePreviousFileAndLeavesNoTempFile() throws IOException {
        Path file = Files.writeString(dir.resolve("r.json"), "old");
        assertThrows(CrossbenchException.class, () -> AtomicFile.writeText(file, "JSON result", w -> {
            w.write("{\"half\":");
            throw new IOException("No space left on device");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), listing());
    }

    @Test
    void writabilityIsCheckedWithoutLeavingAnything() throws IOException {
        AtomicFile.checkWritable(dir.resolve("new/sub/file.json"), "--json");
        assertEquals(List.of(), listing());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertTrue(assertThrows(CrossbenchException.class, () -> AtomicFile.checkWritable(file.resolve("out"), "--json x"))
                .getMessage().startsWith("--json x: cannot write there ("));
    }
}
