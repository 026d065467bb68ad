package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constant gold scores: correlations are null with a reason in valid JSON, n/a with a note in the table (issue 11, defect 8). */
class UndefinedCorrelationTest {
    @TempDir
    Path dir;

    @Test
    void constantGoldScoresGiveNullAndAReason() throws IOException {
        Path pairs = Files.writeString(dir.resolve("const.csv"),
                "sentence1,sentence2,score\nA cat sits.,A cat is sitting.,3\nA man runs.,The sky is blue.,3\nI like tea.,Tea is nice.,3\n");
        Path json = dir.resolve("c.json");
        CliRun run = CliRun.of("eval-pairs", "--model", "all-MiniLM-L6-v2", "--engine", "onnxruntime", "--pairs", pairs.toString(),
                "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("n/a"), run.out());
        assertTrue(run.out().contains("note: n/a = correlation undefined: the gold scores are all equal"), run.out());

        JsonReader strict = new JsonReader(new StringReader(Files.readString(json)));
        strict.setStrictness(Strictness.STRICT); // bare NaN is refused here, as by JSON.parse
        JsonElement root = new Gson().getAdapter(JsonElement.class).read(strict);
        JsonObject cosine = root.getAsJsonObject().getAsJsonArray("models").get(0).getAsJsonObject()
                .getAsJsonObject("correlations").getAsJsonObject("cosine");
        assertTrue(cosine.get("spearman").isJsonNull(), cosine.toString());
        assertTrue(cosine.get("pearson").isJsonNull(), cosine.toString());
        assertEquals("the gold scores are all equal", cosine.get("reason").getAsString());
    }
}
