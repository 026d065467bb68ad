package dev.crossbench.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbench.data.JsonErrors;
import java.io.IOException;
import java.math.BigDecimal;
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

    // Far above any BERT-family encoder (BERT-large: 1024 wide, 24 layers, 16 heads, 4096 inner, 512 positions),
    // far below what would exhaust memory before the weights are even looked at.
    public static final int MAX_VOCAB = 1_000_000;
    public static final int MAX_HIDDEN = 8192;
    public static final int MAX_LAYERS = 128;
    public static final int MAX_HEADS = 256;
    public static final int MAX_INTERMEDIATE = 65_536;
    public static final int MAX_POSITIONS = 65_536;
    public static final int MAX_TYPE_VOCAB = 1024;
    public static final int MAX_LABELS = 100_000;

    /** all-MiniLM-L6-v2 / e5-small-v2 shape with the given depth (bge-small has 12 layers). */
    public static BertConfig miniLm(int layers) {
        return new BertConfig(30522, 384, layers, 12, 1536, 512, 2, 1e-12, "gelu", 1);
    }

    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    /**
     * Reads and bounds config.json. Every size is checked against a generous limit before anything is
     * allocated from it (a crafted file could otherwise ask for a million layers or a 1e12-wide matrix),
     * and a value that is not a whole number is refused rather than truncated.
     */
    public static BertConfig read(Path configJson) {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(configJson, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new ModelLoadException(configJson + ": not a valid config.json (not a JSON object)");
            }
            JsonObject o = root.getAsJsonObject();
            String type = o.has("model_type") ? text(o, "model_type", configJson) : "bert";
            if (!type.equals("bert")) {
                throw new ModelLoadException(configJson + ": model_type '" + type
                        + "' is not supported (only BERT-family models: model_type \"bert\")");
            }
            int numLabels = 1;
            if (o.has("num_labels")) {
                numLabels = whole(o, "num_labels", 1, MAX_LABELS, configJson);
            } else if (o.has("id2label") && o.get("id2label").isJsonObject()) {
                numLabels = Math.max(1, Math.min(o.getAsJsonObject("id2label").size(), MAX_LABELS));
            }
            int hidden = whole(o, "hidden_size", 1, MAX_HIDDEN, configJson);
            int heads = whole(o, "num_attention_heads", 1, MAX_HEADS, configJson);
            if (hidden % heads != 0) {
                throw new ModelLoadException(configJson + ": field 'num_attention_heads' (" + heads
                        + ") must divide hidden_size (" + hidden + ")");
            }
            double eps = o.has("layer_norm_eps") ? number(o, "layer_norm_eps", configJson).doubleValue() : 1e-12;
            if (!(eps > 0 && eps < 1)) {
                throw new ModelLoadException(configJson + ": field 'layer_norm_eps' must be between 0 and 1, got " + eps);
            }
            return new BertConfig(
                    whole(o, "vocab_size", 1, MAX_VOCAB, configJson),
                    hidden,
                    whole(o, "num_hidden_layers", 1, MAX_LAYERS, configJson),
                    heads,
                    whole(o, "intermediate_size", 1, MAX_INTERMEDIATE, configJson),
                    o.has("max_position_embeddings") ? whole(o, "max_position_embeddings", 1, MAX_POSITIONS, configJson) : 512,
                    o.has("type_vocab_size") ? whole(o, "type_vocab_size", 1, MAX_TYPE_VOCAB, configJson) : 2,
                    eps,
                    o.has("hidden_act") ? text(o, "hidden_act", configJson) : "gelu",
                    numLabels);
        } catch (IOException e) {
            throw new ModelLoadException(configJson + ": cannot read (" + e.getMessage() + ")", e);
        } catch (IllegalStateException | UnsupportedOperationException | com.google.gson.JsonParseException e) {
            throw new ModelLoadException(configJson + ": not a valid config.json (" + JsonErrors.brief(e) + ")", e);
        }
    }

    /** A required (or present) integer field within [min, max]; 384.0 is accepted, 1e12 and 2.5 are not. */
    private static int whole(JsonObject o, String key, int min, int max, Path file) {
        if (!o.has(key)) {
            throw new ModelLoadException(file + ": field '" + key + "' is missing");
        }
        BigDecimal v = number(o, key, file);
        boolean integral = v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
        if (!integral || v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ModelLoadException(file + ": field '" + key + "' must be a whole number from " + min + " to " + max
                    + ", got " + o.get(key));
        }
        return v.intValueExact();
    }

    private static BigDecimal number(JsonObject o, String key, Path file) {
        JsonElement e = o.get(key);
        try {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return new BigDecimal(e.getAsString());
            }
        } catch (NumberFormatException ignored) {
            // NaN or a number too large for BigDecimal's exponent: not a size either way
        }
        throw new ModelLoadException(file + ": field '" + key + "' must be a number, got " + shortText(e));
    }

    private static String text(JsonObject o, String key, Path file) {
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new ModelLoadException(file + ": field '" + key + "' must be a string, got " + shortText(e));
        }
        return e.getAsString();
    }

    private static String shortText(JsonElement e) {
        String s = String.valueOf(e);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
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
