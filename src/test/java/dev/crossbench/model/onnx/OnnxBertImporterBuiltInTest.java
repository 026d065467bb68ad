package dev.crossbench.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.BertConfig;
import dev.crossbench.model.ClasspathModelFiles;
import dev.crossbench.model.weights.BertWeightNames;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports the two built-in fp32 models shipped in the langchain4j jars (each reads 90-130 MB). */
@Tag("slow")
class OnnxBertImporterBuiltInTest {
    @TempDir
    Path dir;

    @Test
    void importsAllMiniLmL6V2AndWritesSafetensors() {
        BertConfig cfg = BertConfig.miniLm(6);
        Path onnx = ClasspathModelFiles.extract("all-minilm-l6-v2.onnx", dir.resolve("all-minilm-l6-v2.onnx"));
        Map<String, FloatTensor> t = checkImport(onnx, cfg, 6 * 16 + 5);

        // the cached safetensors file holds the same tensors
        Path st = dir.resolve("model.safetensors");
        SafeTensors.write(st, t.values(), Map.of("format", "pt"));
        Map<String, FloatTensor> back = SafeTensors.read(st);
        assertEquals(t.keySet(), back.keySet());
        String q = "encoder.layer.5.attention.self.query.weight";
        assertArrayEquals(t.get(q).data(), back.get(q).data());
    }

    @Test
    void importsBgeSmallEnV15() {
        Path onnx = ClasspathModelFiles.extract("bge-small-en-v1.5.onnx", dir.resolve("bge-small-en-v1.5.onnx"));
        checkImport(onnx, BertConfig.miniLm(12), 12 * 16 + 5);
    }

    private static Map<String, FloatTensor> checkImport(Path onnx, BertConfig cfg, int count) {
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        for (FloatTensor f : OnnxBertImporter.importWeights(onnx, cfg)) {
            t.put(f.name(), f);
        }
        // neither export keeps the pooler (their only output is last_hidden_state)
        assertEquals(count, t.size());
        assertEquals(List.copyOf(BertWeightNames.expected(cfg, false).keySet()), List.copyOf(t.keySet()));
        BertWeightNames.expected(cfg, false).forEach((name, shape) -> assertArrayEquals(shape, t.get(name).shape(), name));
        assertArrayEquals(new long[] {30522, 384}, t.get("embeddings.word_embeddings.weight").shape());
        assertArrayEquals(new long[] {384, 384}, t.get("encoder.layer.0.attention.self.query.weight").shape());
        assertArrayEquals(new long[] {1536, 384}, t.get("encoder.layer.0.intermediate.dense.weight").shape());
        assertArrayEquals(new long[] {384, 1536}, t.get("encoder.layer.0.output.dense.weight").shape());

        for (FloatTensor f : t.values()) {
            assertFalse(allZero(f.data()), f.name() + " is all zero");
            for (float v : f.data()) {
                assertTrue(Float.isFinite(v), f.name());
            }
        }
        double lnMean = mean(t.get("encoder.layer.0.output.LayerNorm.weight").data());
        assertTrue(lnMean > 0.3 && lnMean < 3, "LayerNorm weights average " + lnMean);

        // transposition: ONNX stores in x out, ours is out x in
        OnnxGraph g = OnnxModelReader.read(onnx);
        checkTransposed(g, "/encoder/layer.0/attention/self/query/MatMul", t.get("encoder.layer.0.attention.self.query.weight"));
        checkTransposed(g, "/encoder/layer.0/intermediate/dense/MatMul", t.get("encoder.layer.0.intermediate.dense.weight"));
        return t;
    }

    private static void checkTransposed(OnnxGraph g, String nodeName, FloatTensor ours) {
        OnnxNode mm = g.nodes().stream().filter(n -> n.name().equals(nodeName)).findFirst().orElseThrow();
        OnnxTensor w = g.initializers().get(mm.inputs().get(1));
        assertTrue(w.name().startsWith("onnx::MatMul_"), w.name());
        float[] stored = w.floats();
        int in = (int) w.dims()[0];
        int out = (int) w.dims()[1];
        assertArrayEquals(new long[] {out, in}, ours.shape());
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                if (stored[i * out + j] != ours.data()[j * in + i]) {
                    throw new AssertionError(nodeName + ": ONNX [" + i + "][" + j + "] != ours [" + j + "][" + i + "]");
                }
            }
        }
    }

    private static boolean allZero(float[] a) {
        for (float v : a) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static double mean(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s / a.length;
    }
}
