package dev.crossbench.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The architecture numbers of a Hugging Face BERT-family model, as in its config.json. */
public record BertConfig(
        int vocabSize,
        int hiddenSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int intermediateSize,
        int maxPositionEmbeddings,
        int typeVocabSize,
        double layerNormEps,
        String hiddenAct,
        int numLabels) {

    /** all-MiniLM-L6-v2 / e5-small-v2 shape with the given depth (bge-small has 12 layers). */
    public static BertConfig miniLm(int layers) {
        return new BertConfig(30522, 384, layers, 12, 1536, 512, 2, 1e-12, "gelu", 1);
    }

    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    public static BertConfig read(Path configJson) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(configJson, StandardCharsets.UTF_8)).getAsJsonObject();
            String type = o.has("model_type") ? o.get("model_type").getAsString() : "bert";
            if (!type.equals("bert")) {
                throw new ModelLoadException(configJson + ": model_type '" + type
                        + "' is not supported (only BERT-family models: model_type \"bert\")");
            }
            int numLabels = 1;
            if (o.has("num_labels")) {
                numLabels = o.get("num_labels").getAsInt();
            } else if (o.has("id2label")) {
                numLabels = o.getAsJsonObject("id2label").size();
            }
            return new BertConfig(
                    req(o, "vocab_size", configJson),
                    req(o, "hidden_size", configJson),
                    req(o, "num_hidden_layers", configJson),
                    req(o, "num_attention_heads", configJson),
                    req(o, "intermediate_size", configJson),
                    o.has("max_position_embeddings") ? o.get("max_position_embeddings").getAsInt() : 512,
                    o.has("type_vocab_size") ? o.get("type_vocab_size").getAsInt() : 2,
                    o.has("layer_norm_eps") ? o.get("layer_norm_eps").getAsDouble() : 1e-12,
                    o.has("hidden_act") ? o.get("hidden_act").getAsString() : "gelu",
                    numLabels);
        } catch (IOException e) {
            throw new ModelLoadException(configJson + ": cannot read (" + e.getMessage() + ")", e);
        } catch (IllegalStateException | UnsupportedOperationException | com.google.gson.JsonParseException e) {
            throw new ModelLoadException(configJson + ": not a valid config.json (" + e.getMessage() + ")", e);
        }
    }

    private static int req(JsonObject o, String key, Path file) {
        if (!o.has(key)) {
            throw new ModelLoadException(file + ": field '" + key + "' is missing");
        }
        return o.get(key).getAsInt();
    }

    /** The config.json text that Hugging Face transformers reads back as this model. */
    public JsonObject toJson(String architecture) {
        JsonObject o = new JsonObject();
        com.google.gson.JsonArray arch = new com.google.gson.JsonArray();
        arch.add(architecture);
        o.add("architectures", arch);
        o.addProperty("model_type", "bert");
        o.addProperty("vocab_size", vocabSize);
        o.addProperty("hidden_size", hiddenSize);
        o.addProperty("num_hidden_layers", numHiddenLayers);
        o.addProperty("num_attention_heads", numAttentionHeads);
        o.addProperty("intermediate_size", intermediateSize);
        o.addProperty("max_position_embeddings", maxPositionEmbeddings);
        o.addProperty("type_vocab_size", typeVocabSize);
        o.addProperty("layer_norm_eps", layerNormEps);
        o.addProperty("hidden_act", hiddenAct);
        o.addProperty("hidden_dropout_prob", 0.1);
        o.addProperty("attention_probs_dropout_prob", 0.1);
        o.addProperty("initializer_range", 0.02);
        o.addProperty("pad_token_id", 0);
        o.addProperty("position_embedding_type", "absolute");
        o.addProperty("num_labels", numLabels);
        return o;
    }
}
