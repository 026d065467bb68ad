package dev.crossbench.model.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.BertConfig;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tensor shapes are checked against config.json before any tensor is read (issue 11, defect 3). */
class BertWeightsShapeTest {
    @TempDir
    Path dir;

    /** A safetensors file whose header declares one F32 tensor; the data is a sparse hole of the declared length. */
    private Path sparse(String name, long rows, long cols) throws IOException {
        long bytes = rows * cols * 4;
        String json = "{\"" + name + "\":{\"dtype\":\"F32\",\"shape\":[" + rows + "," + cols + "],\"data_offsets\":[0," + bytes + "]}}";
        byte[] header = (json + " ".repeat((8 - json.length() % 8) % 8)).getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("model.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            f.write(header);
            f.setLength(8 + header.length + bytes);
        }
        return file;
    }

    @Test
    void aHugeDeclaredEmbeddingIsRefusedBeforeAllocation() throws IOException {
        Path file = sparse("embeddings.word_embeddings.weight", 5_000_000, 384);
        String m = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThrows(ModelLoadException.class, () -> BertWeights.read(file, BertConfig.miniLm(6))).getMessage());
        assertEquals(file + ": tensor 'embeddings.word_embeddings.weight' has shape [5000000, 384], config.json gives [30522, 384]", m);
    }

    @Test
    void anUnknownTensorLargerThanAnyOfTheModelIsRefused() throws IOException {
        Path file = sparse("bert.extra.weight", 100_000, 384);
        String m = assertThrows(ModelLoadException.class, () -> BertWeights.read(file, BertConfig.miniLm(6))).getMessage();
        assertTrue(m.startsWith(file + ": tensor 'bert.extra.weight' has shape [100000, 384], larger than any"), m);
    }

    @Test
    void prefixedAndTensorFlowNamesAreCheckedToo() throws IOException {
        Path file = sparse("bert.encoder.layer.0.attention.output.LayerNorm.gamma", 1, 385);
        String m = assertThrows(ModelLoadException.class, () -> BertWeights.read(file, BertConfig.miniLm(6))).getMessage();
        assertTrue(m.contains("'bert.encoder.layer.0.attention.output.LayerNorm.gamma' has shape [1, 385], config.json gives [384]"), m);
    }

    @Test
    void matchingTensorsAndSmallExtrasLoad() {
        Path file = dir.resolve("ok.safetensors");
        SafeTensors.write(file, List.of(new FloatTensor("bert.pooler.dense.bias", new long[] {384}, new float[384]),
                new FloatTensor("classifier.weight", new long[] {1, 384}, new float[384])), Map.of());
        assertEquals(2, BertWeights.read(file, BertConfig.miniLm(6)).size());
    }
}
