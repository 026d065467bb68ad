package dev.crossbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.json sizes are bounded before anything is built from them (issue 11, defect 4). */
class BertConfigLimitsTest {
    private static final String BASE = "\"vocab_size\": 30522, \"hidden_size\": 384, \"num_hidden_layers\": 6,"
            + " \"num_attention_heads\": 12, \"intermediate_size\": 1536, \"max_position_embeddings\": 512, \"type_vocab_size\": 2";

    @TempDir
    Path dir;

    private Path config(String field, String value) throws IOException {
        String json = "{" + BASE.replaceAll("\"" + field + "\": [^,]+", "\"" + field + "\": " + value) + "}";
        return Files.writeString(dir.resolve("config.json"), json);
    }

    private String refusal(String field, String value) throws IOException {
        Path file = config(field, value);
        String m = assertThrows(ModelLoadException.class, () -> BertConfig.read(file)).getMessage();
        assertTrue(m.startsWith(file + ": field '" + field + "'"), m);
        assertFalse(m.contains("\n"), m);
        return m;
    }

    @Test
    void acceptsARealConfigAndWholeNumbersWrittenAsDecimals() throws IOException {
        assertEquals(BertConfig.miniLm(6).hiddenSize(), BertConfig.read(config("hidden_size", "384.0")).hiddenSize());
        assertEquals(6, BertConfig.read(config("num_hidden_layers", "6")).numHiddenLayers());
    }

    @Test
    void refusesSizesOutsideTheLimitsNamingFileAndField() throws IOException {
        assertTrue(refusal("num_hidden_layers", "1000000").contains("from 1 to 128, got 1000000"));
        refusal("num_attention_heads", "0");
        assertTrue(refusal("vocab_size", "-5").contains("got -5"));
        assertTrue(refusal("hidden_size", "1e12").contains("got 1e12"));
        refusal("hidden_size", "384.5");
        refusal("intermediate_size", "\"big\"");
        refusal("max_position_embeddings", "1e400");
        refusal("type_vocab_size", "0");
        assertTrue(refusal("num_attention_heads", "7").contains("must divide hidden_size (384)"));
    }

    @Test
    void gsonAdviceDoesNotLeakIntoTheMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"bert\", \"vocab_size\": 30522,,}");
        String m = assertThrows(ModelLoadException.class, () -> BertConfig.read(file)).getMessage();
        assertTrue(m.startsWith(file + ": not a valid config.json ("), m);
        assertFalse(m.contains("setStrictness") || m.contains("Troubleshooting") || m.contains("\n"), m);
    }
}
