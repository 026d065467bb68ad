package dev.crossbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.core.CrossbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderWriterTest {
    @TempDir
    Path dir;

    @Test
    void aFailedSaveLeavesThePreviousCheckpointWholeAndNoTemporaryFolders() throws IOException {
        Path out = dir.resolve("model");
        ModelFolderWriter.write(out, f -> Files.writeString(f.resolve("model.safetensors"), "epoch 1"));
        CrossbenchException e = assertThrows(CrossbenchException.class, () -> ModelFolderWriter.write(out, f -> {
            Files.writeString(f.resolve("model.safetensors"), "half of epoch 2");
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains("previous checkpoint"), e.getMessage());
        assertEquals("epoch 1", Files.readString(out.resolve("model.safetensors")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "temporary folders left behind");
        }
    }

    @Test
    void aSuccessfulSaveReplacesTheOldOne() throws IOException {
        Path out = dir.resolve("model");
        ModelFolderWriter.write(out, f -> Files.writeString(f.resolve("a"), "1"));
        ModelFolderWriter.write(out, f -> Files.writeString(f.resolve("b"), "2"));
        assertTrue(Files.exists(out.resolve("b")) && !Files.exists(out.resolve("a")));
    }

    @Test
    void refusesANonEmptyFolderUnlessOverwrite() throws IOException {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("x"), "keep me");
        CrossbenchException e = assertThrows(CrossbenchException.class, () -> ModelFolderWriter.checkTarget(out, false));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        ModelFolderWriter.checkTarget(out, true);
        assertEquals("keep me", Files.readString(out.resolve("x")));
    }
}
