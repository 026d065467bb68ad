package dev.crossbench.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** The files of a saved model in Hugging Face layout, so that transformers and sentence-transformers load it. */
final class CheckpointFiles {
    private CheckpointFiles() {}

    static void writeWeights(Path folder, Collection<FloatTensor> tensors) {
        SafeTensors.write(folder.resolve("model.safetensors"), tensors, Map.of("format", "pt", "producer", "crossbench"));
    }

    static void writeConfig(Path folder, BertConfig config, String architecture) throws IOException {
        JsonObject o = config.toJson(architecture);
        if (architecture.endsWith("ForSequenceClassification")) {
            JsonObject id2label = new JsonObject();
            JsonObject label2id = new JsonObject();
            for (int i = 0; i < config.numLabels(); i++) {
                id2label.addProperty(Integer.toString(i), "LABEL_" + i);
                label2id.addProperty("LABEL_" + i, i);
            }
            o.add("id2label", id2label);
            o.add("label2id", label2id);
        }
        Files.writeString(folder.resolve("config.json"), o.toString(), StandardCharsets.UTF_8);
    }

    /**
     * tokenizer.json from the base model, plus the small config files transformers' AutoTokenizer
     * reads (model_max_length set to the length the model was trained with).
     */
    static void copyTokenizer(Path baseFolder, Path folder, int maxLength) throws IOException {
        Files.copy(baseFolder.resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
        JsonObject cfg = new JsonObject();
        Path baseCfg = baseFolder.resolve("tokenizer_config.json");
        if (Files.isRegularFile(baseCfg)) {
            cfg = JsonParser.parseString(Files.readString(baseCfg, StandardCharsets.UTF_8)).getAsJsonObject();
        } else {
            cfg.addProperty("tokenizer_class", "BertTokenizer");
            cfg.addProperty("do_lower_case", true);
            cfg.addProperty("cls_token", "[CLS]");
            cfg.addProperty("sep_token", "[SEP]");
            cfg.addProperty("pad_token", "[PAD]");
            cfg.addProperty("unk_token", "[UNK]");
            cfg.addProperty("mask_token", "[MASK]");
        }
        cfg.addProperty("model_max_length", maxLength);
        Files.writeString(folder.resolve("tokenizer_config.json"), cfg.toString(), StandardCharsets.UTF_8);
        Path special = baseFolder.resolve("special_tokens_map.json");
        if (Files.isRegularFile(special)) {
            Files.copy(special, folder.resolve("special_tokens_map.json"));
        } else {
            Files.writeString(folder.resolve("special_tokens_map.json"), "{\"cls_token\": \"[CLS]\", \"mask_token\": \"[MASK]\","
                    + " \"pad_token\": \"[PAD]\", \"sep_token\": \"[SEP]\", \"unk_token\": \"[UNK]\"}", StandardCharsets.UTF_8);
        }
    }
}
