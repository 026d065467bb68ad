package dev.crossbench.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.crossbench.data.JsonErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sentence-transformers files of a model folder, when present: modules.json (is there a
 * Normalize module, where is the Pooling config), 1_Pooling/config.json, sentence_bert_config.json
 * (max_seq_length, do_lower_case) and config_sentence_transformers.json (named prompts).
 */
public record SentenceTransformersConfig(Optional<PoolingMode> pooling, Optional<Boolean> normalize,
        Optional<Integer> maxSeqLength, boolean lowerCase, Map<String, String> prompts) {

    public static SentenceTransformersConfig read(Path folder) {
        Optional<PoolingMode> pooling = Optional.empty();
        Optional<Boolean> normalize = Optional.empty();
        Path poolingConfig = folder.resolve("1_Pooling").resolve("config.json");
        Path modules = folder.resolve("modules.json");
        if (Files.isRegularFile(modules)) {
            boolean hasNormalize = false;
            for (JsonElement e : json(modules).getAsJsonArray()) {
                JsonObject m = e.getAsJsonObject();
                String type = m.has("type") ? m.get("type").getAsString() : "";
                if (type.endsWith("Normalize")) {
                    hasNormalize = true;
                } else if (type.endsWith("Pooling") && m.has("path")) {
                    poolingConfig = folder.resolve(m.get("path").getAsString()).resolve("config.json");
                }
            }
            normalize = Optional.of(hasNormalize);
        }
        if (Files.isRegularFile(poolingConfig)) {
            pooling = Optional.of(poolingMode(poolingConfig));
        }
        Optional<Integer> maxSeq = Optional.empty();
        boolean lower = false;
        Path sbert = folder.resolve("sentence_bert_config.json");
        if (Files.isRegularFile(sbert)) {
            JsonObject o = json(sbert).getAsJsonObject();
            if (o.has("max_seq_length") && !o.get("max_seq_length").isJsonNull()) {
                maxSeq = Optional.of(o.get("max_seq_length").getAsInt());
            }
            lower = o.has("do_lower_case") && o.get("do_lower_case").getAsBoolean();
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        Path st = folder.resolve("config_sentence_transformers.json");
        if (Files.isRegularFile(st)) {
            JsonObject o = json(st).getAsJsonObject();
            if (o.has("prompts") && o.get("prompts").isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("prompts").entrySet()) {
                    prompts.put(e.getKey(), e.getValue().getAsString());
                }
            }
        }
        return new SentenceTransformersConfig(pooling, normalize, maxSeq, lower, prompts);
    }

    private static PoolingMode poolingMode(Path file) {
        JsonObject o = json(file).getAsJsonObject();
        if (o.has("pooling_mode") && o.get("pooling_mode").isJsonPrimitive()) {
            return PoolingMode.parse(o.get("pooling_mode").getAsString());
        }
        if (flag(o, "pooling_mode_cls_token")) {
            return PoolingMode.CLS;
        }
        if (flag(o, "pooling_mode_max_tokens")) {
            return PoolingMode.MAX;
        }
        if (flag(o, "pooling_mode_mean_tokens")) {
            return PoolingMode.MEAN;
        }
        throw new ModelLoadException(file + ": no supported pooling mode set (mean, cls or max)");
    }

    private static boolean flag(JsonObject o, String key) {
        return o.has(key) && o.get(key).getAsBoolean();
    }

    private static JsonElement json(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new ModelLoadException(file + ": invalid JSON (" + JsonErrors.brief(e) + ")", e);
        }
    }

    /** The files that make a folder load as this bi-encoder in Python sentence-transformers. */
    public static void write(Path folder, PoolingMode pooling, boolean normalize, int maxSeqLength, int dim,
            Map<String, String> prompts) throws IOException {
        JsonArray modules = new JsonArray();
        modules.add(module(0, "0", "", "sentence_transformers.models.Transformer"));
        modules.add(module(1, "1", "1_Pooling", "sentence_transformers.models.Pooling"));
        if (normalize) {
            modules.add(module(2, "2", "2_Normalize", "sentence_transformers.models.Normalize"));
            Files.createDirectories(folder.resolve("2_Normalize"));
        }
        Files.writeString(folder.resolve("modules.json"), modules.toString(), StandardCharsets.UTF_8);
        JsonObject p = new JsonObject();
        p.addProperty("word_embedding_dimension", dim);
        p.addProperty("pooling_mode_cls_token", pooling == PoolingMode.CLS);
        p.addProperty("pooling_mode_mean_tokens", pooling == PoolingMode.MEAN);
        p.addProperty("pooling_mode_max_tokens", pooling == PoolingMode.MAX);
        p.addProperty("pooling_mode_mean_sqrt_len_tokens", false);
        p.addProperty("include_prompt", true);
        Files.createDirectories(folder.resolve("1_Pooling"));
        Files.writeString(folder.resolve("1_Pooling").resolve("config.json"), p.toString(), StandardCharsets.UTF_8);
        JsonObject sb = new JsonObject();
        sb.addProperty("max_seq_length", maxSeqLength);
        sb.addProperty("do_lower_case", false);
        Files.writeString(folder.resolve("sentence_bert_config.json"), sb.toString(), StandardCharsets.UTF_8);
        JsonObject st = new JsonObject();
        JsonObject pr = new JsonObject();
        prompts.forEach(pr::addProperty);
        st.add("prompts", pr);
        st.add("default_prompt_name", null);
        st.addProperty("similarity_fn_name", "cosine");
        Files.writeString(folder.resolve("config_sentence_transformers.json"), st.toString(), StandardCharsets.UTF_8);
    }

    private static JsonObject module(int idx, String name, String path, String type) {
        JsonObject o = new JsonObject();
        o.addProperty("idx", idx);
        o.addProperty("name", name);
        o.addProperty("path", path);
        o.addProperty("type", type);
        return o;
    }
}
