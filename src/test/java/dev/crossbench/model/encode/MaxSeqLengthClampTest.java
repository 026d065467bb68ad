package dev.crossbench.model.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.load.BiEncoderLoader;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import dev.crossbench.testutil.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A max sequence length above max_position_embeddings is clamped, with one note (issue 11, defect 7). */
class MaxSeqLengthClampTest {
    @TempDir
    Path dir;

    /** all-MiniLM-L6-v2 cut to 256 positions: the tokenizer still allows 512, the model does not. */
    private Path shortModel() throws IOException {
        ModelDescriptor base = TestModels.catalog().resolve("all-MiniLM-L6-v2");
        List<FloatTensor> tensors = new ArrayList<>();
        for (FloatTensor t : SafeTensors.read(TestModels.catalog().ensureSafetensors(base), n -> true).values()) {
            boolean positions = t.name().endsWith("position_embeddings.weight");
            tensors.add(positions ? new FloatTensor(t.name(), new long[] {256, t.shape()[1]},
                    Arrays.copyOf(t.data(), (int) (256 * t.shape()[1]))) : t);
        }
        Path folder = Files.createDirectories(dir.resolve("m256"));
        SafeTensors.write(folder.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
        Files.copy(base.tokenizerJson(), folder.resolve("tokenizer.json"));
        JsonObject config = JsonParser.parseString(Files.readString(base.folder().resolve("config.json"))).getAsJsonObject();
        config.addProperty("max_position_embeddings", 256);
        Files.writeString(folder.resolve("config.json"), config.toString());
        return folder;
    }

    @Test
    void aLengthPastThePositionTableIsClampedAndSaidOnce() throws IOException {
        ModelDescriptor d = TestModels.catalog().resolve(shortModel().toString());
        try (BiEncoder enc = new BiEncoderLoader(TestModels.catalog()).open(d, EngineChoice.PYTORCH,
                d.defaults().withMaxSeqLength(400))) {
            assertEquals(256, enc.options().maxSeqLength());
            assertEquals(List.of("m256: max sequence length 400 is above the model's max_position_embeddings (256); using 256"),
                    enc.notes());
            float[][] v = enc.encode(List.of("word ".repeat(700)));
            assertEquals(384, v[0].length);
        }
    }
}
