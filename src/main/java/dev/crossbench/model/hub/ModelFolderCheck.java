package dev.crossbench.model.hub;

import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates a local model folder in Hugging Face layout before any engine touches it, so that a
 * missing file is reported by name instead of as an engine error.
 */
public final class ModelFolderCheck {
    private ModelFolderCheck() {
    }

    /**
     * @return the weights found, preferring safetensors, then ONNX, then TorchScript
     * @throws ModelLoadException naming the folder and what is missing
     */
    public static LoadableModelFolder requireLoadable(Path folder) {
        if (!Files.exists(folder)) {
            throw new ModelLoadException("model folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new ModelLoadException(folder + " is not a folder (a model is a folder with config.json,"
                    + " tokenizer.json and weights)");
        }
        if (!Files.isRegularFile(folder.resolve(RepoFiles.CONFIG))) {
            throw new ModelLoadException("no config.json in " + folder);
        }
        if (!Files.isRegularFile(folder.resolve(RepoFiles.TOKENIZER))) {
            throw new ModelLoadException("no tokenizer.json in " + folder + " (Crossbench needs the fast tokenizer file)");
        }
        return weights(folder).orElseThrow(() -> Files.exists(folder.resolve(RepoFiles.PICKLE))
                ? RepoFiles.pickleRefusal(folder + ": only pytorch_model.bin is present")
                : new ModelLoadException("no weights in " + folder
                        + ": expected model.safetensors, onnx/model.onnx, model.onnx or a TorchScript .pt"));
    }

    private static Optional<LoadableModelFolder> weights(Path folder) {
        for (String name : new String[] {RepoFiles.SAFETENSORS, RepoFiles.ONNX_IN_FOLDER, RepoFiles.ONNX}) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                WeightsFormat f = name.equals(RepoFiles.SAFETENSORS) ? WeightsFormat.SAFETENSORS : WeightsFormat.ONNX;
                return Optional.of(new LoadableModelFolder(folder, f, p));
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pt") && Files.isRegularFile(p))
                    .sorted().findFirst()
                    .map(p -> new LoadableModelFolder(folder, WeightsFormat.TORCHSCRIPT, p));
        } catch (IOException e) {
            throw new ModelLoadException("cannot list model folder " + folder + " (" + e.getMessage() + ")", e);
        }
    }
}
