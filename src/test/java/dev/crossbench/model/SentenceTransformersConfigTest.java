package dev.crossbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentence-transformers files we write equal, field by field, what sentence-transformers itself
 * writes, and read back to the same settings. References: the files of the published
 * sentence-transformers/all-MiniLM-L6-v2 folder and Pooling.get_config_dict() of sentence-transformers 3.x.
 */
class SentenceTransformersConfigTest {
    /** modules.json of sentence-transformers/all-MiniLM-L6-v2 (Transformer, mean Pooling, Normalize). */
    private static final String ST_MODULES = """
            [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
             {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
             {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}]""";
    /** 1_Pooling/config.json as sentence-transformers 3.x writes it for a 384-d mean-pooling model. */
    private static final String ST_POOLING = """
            {"word_embedding_dimension": 384, "pooling_mode_cls_token": false, "pooling_mode_mean_tokens": true,
             "pooling_mode_max_tokens": false, "pooling_mode_mean_sqrt_len_tokens": false,
             "pooling_mode_weightedmean_tokens": false, "pooling_mode_lasttoken": false, "include_prompt": true}""";
    private static final String ST_SBERT = "{\"max_seq_length\": 256, \"do_lower_case\": false}";

    @TempDir
    Path dir;

    private static JsonElement json(Path f) throws Exception {
        return JsonParser.parseString(Files.readString(f));
    }

    @Test
    void meanPoolingWithNormalizeEqualsAllMiniLmL6V2() throws Exception {
        SentenceTransformersConfig.write(dir, PoolingMode.MEAN, true, 256, 384, Map.of());
        assertEquals(JsonParser.parseString(ST_MODULES), json(dir.resolve("modules.json")));
        assertTrue(Files.isDirectory(dir.resolve("2_Normalize")));
        assertEquals(JsonParser.parseString(ST_SBERT), json(dir.resolve("sentence_bert_config.json")));

        JsonObject ours = json(dir.resolve("1_Pooling/config.json")).getAsJsonObject();
        JsonObject st = JsonParser.parseString(ST_POOLING).getAsJsonObject();
        // Every field we write has sentence-transformers' name and value. We leave out
        // pooling_mode_weightedmean_tokens and pooling_mode_lasttoken; Pooling(**config) defaults them to False.
        for (String key : ours.keySet()) {
            assertEquals(st.get(key), ours.get(key), key);
        }
        assertEquals(6, ours.size(), ours.toString());

        JsonObject stConfig = json(dir.resolve("config_sentence_transformers.json")).getAsJsonObject();
        assertEquals(new JsonObject(), stConfig.get("prompts"));
        assertEquals(JsonNull.INSTANCE, stConfig.get("default_prompt_name"));
        assertEquals("cosine", stConfig.get("similarity_fn_name").getAsString());

        SentenceTransformersConfig back = SentenceTransformersConfig.read(dir);
        assertEquals(new SentenceTransformersConfig(Optional.of(PoolingMode.MEAN), Optional.of(true), Optional.of(256), false,
                Map.of()), back);
    }

    @Test
    void clsAndMaxWithoutNormalizeRoundTrip() throws Exception {
        for (PoolingMode mode : new PoolingMode[] {PoolingMode.CLS, PoolingMode.MAX}) {
            Path folder = Files.createDirectories(dir.resolve(mode.name()));
            SentenceTransformersConfig.write(folder, mode, false, 512, 768, Map.of("query", "query: ", "passage", "passage: "));
            JsonObject pooling = json(folder.resolve("1_Pooling/config.json")).getAsJsonObject();
            assertEquals(768, pooling.get("word_embedding_dimension").getAsInt());
            assertEquals(mode == PoolingMode.CLS, pooling.get("pooling_mode_cls_token").getAsBoolean());
            assertEquals(mode == PoolingMode.MAX, pooling.get("pooling_mode_max_tokens").getAsBoolean());
            assertFalse(pooling.get("pooling_mode_mean_tokens").getAsBoolean());
            // Two modules only: no Normalize entry and no 2_Normalize folder.
            assertEquals(2, json(folder.resolve("modules.json")).getAsJsonArray().size());
            assertFalse(Files.exists(folder.resolve("2_Normalize")));

            SentenceTransformersConfig back = SentenceTransformersConfig.read(folder);
            assertEquals(Optional.of(mode), back.pooling());
            assertEquals(Optional.of(false), back.normalize());
            assertEquals(Optional.of(512), back.maxSeqLength());
            assertEquals(Map.of("query", "query: ", "passage", "passage: "), back.prompts());
        }
    }

    @Test
    void readsTheFilesSentenceTransformersWrites() throws Exception {
        Files.writeString(dir.resolve("modules.json"), ST_MODULES);
        Files.createDirectories(dir.resolve("1_Pooling"));
        Files.writeString(dir.resolve("1_Pooling/config.json"), ST_POOLING);
        Files.writeString(dir.resolve("sentence_bert_config.json"), ST_SBERT);
        SentenceTransformersConfig c = SentenceTransformersConfig.read(dir);
        assertEquals(Optional.of(PoolingMode.MEAN), c.pooling());
        assertEquals(Optional.of(true), c.normalize());
        assertEquals(Optional.of(256), c.maxSeqLength());
        assertFalse(c.lowerCase());
    }
}
