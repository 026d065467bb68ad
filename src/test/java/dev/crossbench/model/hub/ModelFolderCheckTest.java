package dev.crossbench.model.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderCheckTest {
    @TempDir
    Path dir;

    @Test
    void missingFolder() {
        Path missing = dir.resolve("nope");
        assertEquals("model folder " + missing + " does not exist", message(missing));
    }

    @Test
    void fileInsteadOfFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("model.onnx"), "x");
        assertTrue(message(file).startsWith(file + " is not a folder"));
    }

    @Test
    void configAndTokenizerAreRequired() throws IOException {
        assertEquals("no config.json in " + dir, message(dir));
        touch("config.json");
        assertTrue(message(dir).startsWith("no tokenizer.json in " + dir));
    }

    @Test
    void noWeights() throws IOException {
        touch("config.json", "tokenizer.json", "vocab.txt");
        assertEquals("no weights in " + dir + ": expected model.safetensors, onnx/model.onnx, model.onnx or a"
                + " TorchScript .pt", message(dir));
    }

    @Test
    void onlyPickleIsRefused() throws IOException {
        touch("config.json", "tokenizer.json", "pytorch_model.bin");
        assertTrue(message(dir).startsWith(dir + ": only pytorch_model.bin is present; Crossbench does not load"
                + " pickle files (they can run code)"), message(dir));
    }

    @Test
    void safetensorsPreferredThenOnnxThenTorchScript() throws IOException {
        touch("config.json", "tokenizer.json", "traced.pt", "onnx/model.onnx");
        assertEquals(WeightsFormat.ONNX, ModelFolderCheck.requireLoadable(dir).weightsFormat());
        assertEquals(dir.resolve("onnx/model.onnx"), ModelFolderCheck.requireLoadable(dir).weightsFile());
        touch("model.safetensors", "pytorch_model.bin");
        LoadableModelFolder ok = ModelFolderCheck.requireLoadable(dir);
        assertEquals(WeightsFormat.SAFETENSORS, ok.weightsFormat());
        assertEquals(dir.resolve("model.safetensors"), ok.weightsFile());
        Files.delete(dir.resolve("model.safetensors"));
        Files.delete(dir.resolve("onnx/model.onnx"));
        assertEquals(WeightsFormat.TORCHSCRIPT, ModelFolderCheck.requireLoadable(dir).weightsFormat());
    }

    private void touch(String... names) throws IOException {
        for (String n : names) {
            Path p = dir.resolve(n);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "{}");
        }
    }

    private static String message(Path folder) {
        return assertThrows(ModelLoadException.class, () -> ModelFolderCheck.requireLoadable(folder)).getMessage();
    }
}
