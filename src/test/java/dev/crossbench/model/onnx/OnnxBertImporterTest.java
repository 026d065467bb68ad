package dev.crossbench.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.BertConfig;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.weights.BertWeightNames;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import from a tiny hand-built ONNX graph shaped like PyTorch's BERT export (with a "bert." prefix). */
class OnnxBertImporterTest {
    private static final BertConfig TINY = new BertConfig(7, 4, 1, 2, 6, 5, 2, 1e-12, "gelu", 1);
    private static final String L0 = "encoder.layer.0.";

    @TempDir
    Path dir;

    private final ProtobufWriter graph = new ProtobufWriter();
    /** Stored ONNX values by initializer name. */
    private final Map<String, float[]> stored = new HashMap<>();
    /** BertModel name of each unnamed MatMul weight. */
    private final Map<String, String> unnamed = new HashMap<>();
    private Path model;

    @BeforeEach
    void buildModel() throws IOException {
        initializer("bert.embeddings.word_embeddings.weight", true, 7, 4);
        initializer("bert.embeddings.position_embeddings.weight", false, 5, 4); // float_data, not raw_data
        initializer("bert.embeddings.token_type_embeddings.weight", true, 2, 4);
        initializer("bert.embeddings.LayerNorm.weight", true, 4);
        initializer("bert.embeddings.LayerNorm.bias", true, 4);
        graph.message(5, new ProtobufWriter().packedVarints(1, 1, 5).varint(2, 7)
                .string(8, "bert.embeddings.position_ids").bytes(9, new byte[40]));
        linear(L0 + "attention.self.query", 4, 4, true);
        linear(L0 + "attention.self.key", 4, 4, false);
        linear(L0 + "attention.self.value", 4, 4, true);
        linear(L0 + "attention.output.dense", 4, 4, false);
        linear(L0 + "intermediate.dense", 6, 4, true);
        linear(L0 + "output.dense", 4, 6, false);
        for (String ln : List.of(L0 + "attention.output.LayerNorm", L0 + "output.LayerNorm")) {
            initializer("bert." + ln + ".weight", true, 4);
            initializer("bert." + ln + ".bias", true, 4);
        }
        // the pooler as PyTorch exports a 2-D Linear: Gemm with the named weight, out x in, transB=1
        initializer("bert.pooler.dense.weight", true, 4, 4);
        initializer("bert.pooler.dense.bias", true, 4);
        graph.message(1, node("Gemm", List.of("cls", "bert.pooler.dense.weight", "bert.pooler.dense.bias"), "pooled")
                .message(5, new ProtobufWriter().string(1, "transB").varint(3, 1).varint(20, 2)));
        graph.message(11, new ProtobufWriter().string(1, "input_ids"));
        graph.message(12, new ProtobufWriter().string(1, "pooled"));
        model = dir.resolve("tiny.onnx");
        Files.write(model, new ProtobufWriter().varint(1, 8).string(2, "pytorch").message(7, graph).toByteArray());
    }

    @Test
    void readsTheGraph() {
        OnnxGraph g = OnnxModelReader.read(model);
        assertEquals(List.of("input_ids"), g.inputs());
        assertEquals(List.of("pooled"), g.outputs());
        assertEquals(6 * 2 + 1, g.nodes().size());
        OnnxTensor pos = g.initializers().get("bert.embeddings.position_embeddings.weight");
        assertArrayEquals(new long[] {5, 4}, pos.dims());
        assertArrayEquals(stored.get(pos.name()), pos.floats());
        assertEquals("INT64", OnnxTensor.typeName(g.initializers().get("bert.embeddings.position_ids").dataType()));
        assertEquals(1, g.nodes().get(12).intAttribute("transB", 0));
    }

    @Test
    void namesAndTransposesEveryWeight() {
        Map<String, FloatTensor> t = OnnxBertImporter.importWeights(model, TINY).stream()
                .collect(Collectors.toMap(FloatTensor::name, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        Map<String, long[]> expected = BertWeightNames.expected(TINY, true);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(t.keySet()));
        expected.forEach((name, shape) -> assertArrayEquals(shape, t.get(name).shape(), name));

        unnamed.forEach((onnxName, hf) -> {
            float[] w = stored.get(onnxName); // in x out
            float[] ours = t.get(hf).data(); // out x in
            int out = (int) t.get(hf).shape()[0];
            int in = (int) t.get(hf).shape()[1];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    assertEquals(w[i * out + j], ours[j * in + i], hf + "[" + j + "][" + i + "]");
                }
            }
        });
        assertArrayEquals(stored.get("bert.pooler.dense.weight"), t.get("pooler.dense.weight").data(), "Gemm transB=1");
        assertArrayEquals(stored.get("bert." + L0 + "output.dense.bias"), t.get(L0 + "output.dense.bias").data());
        assertArrayEquals(stored.get("bert.embeddings.position_embeddings.weight"),
                t.get("embeddings.position_embeddings.weight").data());
    }

    @Test
    void writesSafetensorsWithMetadata() {
        Path out = OnnxBertImporter.importToSafetensors(model, TINY, dir.resolve("cache/model.safetensors"));
        Map<String, FloatTensor> back = SafeTensors.read(out);
        assertEquals(BertWeightNames.expected(TINY, true).keySet(), back.keySet());
        assertEquals(Map.of("format", "pt", "source", "tiny.onnx"), SafeTensors.readMetadata(out));
        float[] q = back.get(L0 + "attention.self.query.weight").data();
        assertEquals(stored.get(onnxNameOf(L0 + "attention.self.query.weight"))[1], q[4]); // [0][1] -> [1][0]
    }

    @Test
    void aConfigThatDoesNotMatchTheFileIsRefusedWithWhatIsWrong() {
        BertConfig twoLayers = new BertConfig(7, 4, 2, 2, 6, 5, 2, 1e-12, "gelu", 1);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> OnnxBertImporter.importWeights(model, twoLayers));
        assertTrue(e.getMessage().startsWith(model + ": cannot import BERT weights for a 2-layer"), e.getMessage());
        assertTrue(e.getMessage().contains("missing encoder.layer.1.attention.self.query.weight"), e.getMessage());
        assertTrue(e.getMessage().contains("and 4 more"), e.getMessage());

        BertConfig noLayers = new BertConfig(7, 4, 0, 2, 6, 5, 2, 1e-12, "gelu", 1);
        e = assertThrows(ModelLoadException.class, () -> OnnxBertImporter.importWeights(model, noLayers));
        assertTrue(e.getMessage().contains("layer 0 exists but the config has 0 layers"), e.getMessage());

        BertConfig wider = new BertConfig(7, 4, 1, 2, 8, 5, 2, 1e-12, "gelu", 1);
        e = assertThrows(ModelLoadException.class, () -> OnnxBertImporter.importWeights(model, wider));
        assertTrue(e.getMessage().contains("encoder.layer.0.intermediate.dense.weight has shape [6, 4], expected [8, 4]"
                + " (after transposing " + onnxNameOf(L0 + "intermediate.dense.weight") + ")"), e.getMessage());
    }

    @Test
    void aCorruptFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        Path cut = dir.resolve("cut.onnx");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> OnnxBertImporter.importWeights(cut, TINY));
        assertTrue(e.getMessage().startsWith(cut + ": not a valid ONNX file ("), e.getMessage());
    }

    private String onnxNameOf(String hf) {
        return unnamed.entrySet().stream().filter(en -> en.getValue().equals(hf)).findFirst().orElseThrow().getKey();
    }

    /** An unnamed in x out MatMul weight and its named bias, added in either operand order. */
    private void linear(String prefix, int out, int in, boolean biasFirst) {
        String w = "onnx::MatMul_" + (100 + unnamed.size());
        unnamed.put(w, prefix + ".weight");
        initializer(w, true, in, out);
        String bias = "bert." + prefix + ".bias";
        initializer(bias, true, out);
        String mm = "/" + prefix + "/MatMul_output_0";
        graph.message(1, node("MatMul", List.of("x", w), mm));
        graph.message(1, node("Add", biasFirst ? List.of(bias, mm) : List.of(mm, bias), "/" + prefix + "/Add_output_0"));
    }

    private void initializer(String name, boolean raw, long... dims) {
        int n = (int) Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = stored.size() * 1000 + i;
        }
        stored.put(name, data);
        ProtobufWriter t = new ProtobufWriter();
        if (raw) {
            t.packedVarints(1, dims);
        } else {
            for (long d : dims) {
                t.varint(1, d); // the older, unpacked encoding
            }
        }
        t.varint(2, 1).string(8, name).bytes(raw ? 9 : 4, ProtobufWriter.floatsLe(data));
        graph.message(5, t);
    }

    private static ProtobufWriter node(String op, List<String> inputs, String output) {
        ProtobufWriter n = new ProtobufWriter();
        inputs.forEach(i -> n.string(1, i));
        return n.string(2, output).string(3, "/" + op + "_" + output).string(4, op);
    }
}
