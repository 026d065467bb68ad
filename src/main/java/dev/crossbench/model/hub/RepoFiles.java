package dev.crossbench.model.hub;

import dev.crossbench.model.ModelLoadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Picks the files of a hub revision that Crossbench needs, before anything is downloaded. */
final class RepoFiles {
    static final String CONFIG = "config.json";
    static final String TOKENIZER = "tokenizer.json";
    static final String SAFETENSORS = "model.safetensors";
    static final String ONNX_IN_FOLDER = "onnx/model.onnx";
    static final String ONNX = "model.onnx";
    static final String PICKLE = "pytorch_model.bin";

    /** Fetched when present: tokenizer extras and the sentence-transformers settings. */
    private static final List<String> OPTIONAL = List.of("tokenizer_config.json", "special_tokens_map.json",
            "vocab.txt", "modules.json", "sentence_bert_config.json", "config_sentence_transformers.json",
            "1_Pooling/config.json");

    private RepoFiles() {
    }

    /** The files to fetch, weights last so a refusal or a small-file failure costs little. */
    static List<String> choose(String repoLabel, Set<String> available) {
        if (!available.contains(CONFIG)) {
            throw new ModelLoadException(repoLabel + " has no config.json; it is not a Hugging Face transformers model");
        }
        if (!available.contains(TOKENIZER)) {
            throw new ModelLoadException(repoLabel + " has no tokenizer.json; Crossbench needs the fast tokenizer file"
                    + " (save the tokenizer with a recent transformers version to create it)");
        }
        List<String> files = new ArrayList<>(List.of(CONFIG, TOKENIZER));
        OPTIONAL.stream().filter(available::contains).forEach(files::add);
        files.addAll(weights(repoLabel, available));
        return List.copyOf(files);
    }

    private static List<String> weights(String repoLabel, Set<String> available) {
        if (available.contains(SAFETENSORS)) {
            return List.of(SAFETENSORS);
        }
        for (String onnx : List.of(ONNX_IN_FOLDER, ONNX)) {
            if (available.contains(onnx)) {
                List<String> w = new ArrayList<>(List.of(onnx));
                // Models over 2 GB keep their tensors in an external data file next to the graph.
                for (String data : List.of(onnx + "_data", onnx + ".data")) {
                    if (available.contains(data)) {
                        w.add(data);
                    }
                }
                return w;
            }
        }
        if (available.contains(SAFETENSORS + ".index.json")) {
            throw new ModelLoadException(repoLabel + " publishes sharded safetensors weights"
                    + " (model.safetensors.index.json); Crossbench loads a single model.safetensors");
        }
        if (available.contains(PICKLE)) {
            throw pickleRefusal(repoLabel + ": only pytorch_model.bin is published");
        }
        throw new ModelLoadException("no weights in " + repoLabel
                + ": expected model.safetensors, onnx/model.onnx or model.onnx");
    }

    /** @param situation e.g. "org/name: only pytorch_model.bin is published" */
    static ModelLoadException pickleRefusal(String situation) {
        return new ModelLoadException(situation + "; Crossbench does not load pickle"
                + " files (they can run code). Convert it to model.safetensors (in Python: model.save_pretrained(dir,"
                + " safe_serialization=True)) or export it to ONNX, and load that folder");
    }
}
