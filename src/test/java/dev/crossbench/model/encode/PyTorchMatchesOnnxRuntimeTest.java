package dev.crossbench.model.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.load.BiEncoderLoader;
import dev.crossbench.testutil.SharedData;
import dev.crossbench.testutil.TestModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our BERT block on PyTorch against ONNX Runtime on the same real model and real sentences. */
class PyTorchMatchesOnnxRuntimeTest {

    static List<String> stsSentences(int n) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.stsb("test"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            out.add(f[5]);
            out.add(f[6]);
            if (out.size() >= n) {
                break;
            }
        }
        return out;
    }

    @Test
    void allMiniLmEmbeddingsAgreeWithin1eMinus4() throws IOException {
        List<String> sentences = stsSentences(200);
        assertEquals(200, sentences.size());
        var loader = new BiEncoderLoader(TestModels.catalog());
        ModelDescriptor d = TestModels.catalog().resolve("all-MiniLM-L6-v2");
        float[][] ours;
        float[][] ort;
        try (BiEncoder pt = loader.open(d, EngineChoice.PYTORCH)) {
            assertEquals("PyTorch", pt.backend().engineName());
            ours = pt.encode(sentences);
        }
        try (BiEncoder onnx = loader.open(d, EngineChoice.ONNXRUNTIME)) {
            assertEquals("OnnxRuntime", onnx.backend().engineName());
            ort = onnx.encode(sentences);
        }
        double maxDiff = 0;
        for (int i = 0; i < sentences.size(); i++) {
            assertEquals(384, ours[i].length);
            for (int j = 0; j < 384; j++) {
                maxDiff = Math.max(maxDiff, Math.abs(ours[i][j] - ort[i][j]));
            }
        }
        System.out.printf("max |pytorch - onnxruntime| over 200 STS-B sentences: %.3e%n", maxDiff);
        assertTrue(maxDiff < 1e-4, "max abs difference " + maxDiff);
        // Normalised output: unit length rows.
        double norm = 0;
        for (float v : ours[0]) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-5);
    }

    @Test
    void batchingAndOrderDoNotChangeResults() throws IOException {
        List<String> sentences = stsSentences(40);
        var loader = new BiEncoderLoader(TestModels.catalog());
        ModelDescriptor d = TestModels.catalog().resolve("all-MiniLM-L6-v2");
        try (BiEncoder big = loader.open(d, EngineChoice.PYTORCH, d.defaults().withBatchSize(16));
                BiEncoder one = loader.open(d, EngineChoice.PYTORCH, d.defaults().withBatchSize(1))) {
            float[][] a = big.encode(sentences);
            float[][] b = one.encode(sentences);
            for (int i = 0; i < sentences.size(); i++) {
                for (int j = 0; j < a[i].length; j++) {
                    assertEquals(b[i][j], a[i][j], 2e-5, "row " + i);
                }
            }
        }
    }
}
