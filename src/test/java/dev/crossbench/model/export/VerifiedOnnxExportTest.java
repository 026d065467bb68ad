package dev.crossbench.model.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.cross.PyTorchPairScorer;
import dev.crossbench.model.engine.OnnxModelRunner;
import dev.crossbench.model.engine.PyTorchBertBackend;
import dev.crossbench.model.onnx.BertOnnxExporter.Kind;
import dev.crossbench.model.text.TextTokenizer;
import dev.crossbench.model.text.TokenBatch;
import dev.crossbench.model.text.Tokenized;
import dev.crossbench.testutil.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX export of our block, on real models: written from the weights our PyTorch block runs, equal to that
 * block within 1e-4 on real sentences at two batch shapes (dynamic batch and sequence axes), and never used when
 * the cached file is damaged or made for something else.
 */
class VerifiedOnnxExportTest {
    private static final List<String> FIRST = List.of("A man is playing a guitar.", "What is the capital of France?",
            "The cat sits on the mat while the dog sleeps in the warm sun by the window.", "Short one.", "ok");
    private static final List<String> SECOND = List.of("Someone plays an instrument.",
            "Paris is the capital and most populous city of France, on the Seine.", "A dog.", "Another short text here.",
            "fine");

    @Test
    void biEncoderExportMatchesOurBlockAtTwoBatchShapes(@TempDir Path dir) {
        ModelDescriptor d = TestModels.catalog().resolve("all-MiniLM-L6-v2");
        Path weights = TestModels.catalog().ensureSafetensors(d);
        try (PyTorchBertBackend pt = new PyTorchBertBackend(d.config(), BertWeights.read(weights, d.config()),
                ai.djl.Device.cpu(), weights.toString());
                TextTokenizer tok = TextTokenizer.load(d.tokenizerJson(), 256, false)) {
            VerifiedOnnxExport.Status s = VerifiedOnnxExport.build(d.config(), Kind.BI, dir, weights, ExportReference.of(pt),
                    "test", false);
            assertTrue(s.verified(), s.summary());
            assertTrue(s.maxAbsDiff() < VerifiedOnnxExport.TOLERANCE, s.summary());
            System.out.println("all-MiniLM-L6-v2: " + s.summary());
            try (OnnxModelRunner ort = new OnnxModelRunner(s.onnx(), 0)) {
                for (List<String> texts : List.of(FIRST, List.of(FIRST.get(1), FIRST.get(4)))) {
                    List<Tokenized> items = new ArrayList<>();
                    texts.forEach(t -> items.add(tok.encode(t)));
                    TokenBatch b = TokenBatch.pad(items);
                    OnnxModelRunner.Output out = ort.run(b);
                    assertArrayEquals(new long[] {b.batchSize(), b.seqLen(), 384}, out.shape());
                    double diff = VerifiedOnnxExport.maxAbsDiff(pt.lastHiddenState(b), out.values());
                    System.out.printf("all-MiniLM-L6-v2 batch %dx%d: max |export - block| = %.2e%n", b.batchSize(), b.seqLen(), diff);
                    assertTrue(diff < 1e-4, "max abs diff " + diff);
                }
            }
        }
    }

    @Test
    void crossEncoderExportMatchesOurBlockAtTwoBatchShapes(@TempDir Path dir) {
        ModelDescriptor d = TestModels.catalog().resolve("crossbench-reranker-MiniLM-L6");
        try (PyTorchPairScorer pt = new PyTorchPairScorer(d.config(), BertWeights.read(d.safetensors(), d.config()),
                ai.djl.Device.cpu(), d.safetensors().toString(), List.of(), 0);
                TextTokenizer tok = TextTokenizer.load(d.tokenizerJson(), 128, false)) {
            VerifiedOnnxExport.Status s = VerifiedOnnxExport.build(d.config(), Kind.CROSS, dir, d.safetensors(),
                    ExportReference.of(pt), "test", false);
            assertTrue(s.verified(), s.summary());
            System.out.println("crossbench-reranker-MiniLM-L6: " + s.summary());
            try (OnnxModelRunner ort = new OnnxModelRunner(s.onnx(), 0)) {
                for (int n : new int[] {5, 2}) {
                    List<Tokenized> items = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        items.add(tok.encodePair(FIRST.get(i), SECOND.get(i)));
                    }
                    TokenBatch b = TokenBatch.pad(items);
                    OnnxModelRunner.Output out = ort.run(b);
                    assertArrayEquals(new long[] {n, 1}, out.shape());
                    double diff = VerifiedOnnxExport.maxAbsDiff(pt.logits(b), out.values());
                    System.out.printf("reranker batch %dx%d: max |export - block| on logits = %.2e%n", b.batchSize(), b.seqLen(), diff);
                    assertTrue(diff < 1e-4, "max abs diff " + diff);
                }
            }
        }
    }

    @Test
    void damagedOrForeignExportIsDetectedAndRebuilt(@TempDir Path dir) throws IOException {
        ModelDescriptor d = TestModels.catalog().resolve("crossbench-reranker-MiniLM-L6");
        Path weights = d.safetensors();
        String[] why = {null};
        assertNull(VerifiedOnnxExport.cached(dir, Kind.CROSS, weights, why));
        assertEquals("not exported yet", why[0]);
        int[] loads = {0};
        try (PyTorchPairScorer pt = new PyTorchPairScorer(d.config(), BertWeights.read(weights, d.config()),
                ai.djl.Device.cpu(), weights.toString(), List.of(), 0)) {
            java.util.function.Supplier<ExportReference> reference = () -> {
                loads[0]++;
                return ExportReference.of(pt);
            };
            VerifiedOnnxExport.Status first = VerifiedOnnxExport.ensure(d, Kind.CROSS, dir, weights, reference, false);
            assertTrue(first.verified(), first.summary());
            assertEquals("not exported yet", first.rebuiltBecause());
            // From the cache: no reference is loaded, nothing rebuilt.
            VerifiedOnnxExport.Status again = VerifiedOnnxExport.ensure(d, Kind.CROSS, dir, weights, reference, false);
            assertNull(again.rebuiltBecause());
            assertEquals(1, loads[0]);
            Path onnx = dir.resolve(VerifiedOnnxExport.ONNX_FILE);
            Path record = dir.resolve(VerifiedOnnxExport.RECORD_FILE);
            byte[] good = Files.readAllBytes(onnx);
            String goodRecord = Files.readString(record);

            // Damaged in place: a few bytes overwritten in the middle of the weights.
            try (var ch = Files.newByteChannel(onnx, StandardOpenOption.WRITE)) {
                ch.position(good.length / 2);
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
            }
            assertNull(VerifiedOnnxExport.cached(dir, Kind.CROSS, weights, why));
            assertTrue(why[0].contains("does not match its record"), why[0]);
            // Truncated.
            Files.write(onnx, java.util.Arrays.copyOf(good, good.length / 3));
            assertNull(VerifiedOnnxExport.cached(dir, Kind.CROSS, weights, why));
            assertTrue(why[0].contains("does not match its record"), why[0]);
            // Foreign: another valid ONNX model in its place.
            var tiny = new dev.crossbench.model.onnx.OnnxGraphWriter("foreign");
            tiny.input("input_ids", dev.crossbench.model.onnx.OnnxGraphWriter.INT64, "batch", "sequence");
            tiny.node("Identity", List.of("input_ids"), "logits");
            tiny.output("logits", dev.crossbench.model.onnx.OnnxGraphWriter.INT64, "batch", "sequence");
            try (var out = Files.newOutputStream(onnx)) {
                tiny.writeTo(out, 17, "someone else", "");
            }
            assertNull(VerifiedOnnxExport.cached(dir, Kind.CROSS, weights, why));
            assertTrue(why[0].contains("does not match its record"), why[0]);
            Files.write(onnx, good);
            assertNotNull(VerifiedOnnxExport.cached(dir, Kind.CROSS, weights, why), "the intact file is accepted again");
            // Foreign records: another kind of graph, other weights, another exporter version, not JSON.
            Files.writeString(record, goodRecord.replace("\"kind\": \"CROSS\"", "\"kind\": \"BI\""));
            assertNull(VerifiedOnnxExport.cached(dir, Kind.CROSS, weights, why));
            assertTrue(why[0].contains("BI graph"), why[0]);
            Files.writeString(record, goodRecord.replaceAll("\"weightsSha256\": \"[0-9a-f]+\"", "\"weightsSha256\": \"00\""));
            assertNull(VerifiedOnnxExport.cached(dir, Kind.CROSS, weights, why));
            assertTrue(why[0].contains("other weights"), why[0]);
            Files.writeString(record, goodRecord.replace("\"graphVersion\": " + dev.crossbench.model.onnx.BertOnnxExporter.GRAPH_VERSION,
                    "\"graphVersion\": 0"));
            assertNull(VerifiedOnnxExport.cached(dir, Kind.CROSS, weights, why));
            assertTrue(why[0].contains("another version"), why[0]);
            Files.writeString(record, "{not json");
            assertNull(VerifiedOnnxExport.cached(dir, Kind.CROSS, weights, why));
            assertTrue(why[0].contains("no readable record"), why[0]);
            // ... and rebuilt, checked again, on the next use.
            VerifiedOnnxExport.Status rebuilt = VerifiedOnnxExport.ensure(d, Kind.CROSS, dir, weights, reference, false);
            assertTrue(rebuilt.verified(), rebuilt.summary());
            assertEquals(2, loads[0]);
            assertArrayEquals(good, Files.readAllBytes(onnx), "the export is deterministic");
        }
    }

    @Test
    void engineChoiceRules() {
        Path f = Path.of("model.onnx");
        var fast = new VerifiedOnnxExport.Status(f, true, 2e-6, null, 10.0, 25.0, "t", null);
        var slow = new VerifiedOnnxExport.Status(f, true, 2e-6, null, 30.0, 25.0, "t", null);
        var bad = new VerifiedOnnxExport.Status(f, false, 3e-2, "the export differs", null, null, null, "not exported yet");
        var unmeasured = new VerifiedOnnxExport.Status(f, true, 2e-6, null, null, null, null, null);
        // AUTO: ONNX Runtime only when verified and measured faster; otherwise PyTorch, saying why.
        assertTrue(ExportedEngine.choose("m", fast, false).onnxRuntime());
        assertNull(ExportedEngine.choose("m", fast, false).note());
        ExportedEngine.Choice c = ExportedEngine.choose("m", slow, false);
        assertFalse(c.onnxRuntime());
        assertTrue(c.note().contains("PyTorch measured faster"), c.note());
        c = ExportedEngine.choose("m", bad, false);
        assertFalse(c.onnxRuntime());
        assertTrue(c.note().contains("the export differs"), c.note());
        assertFalse(ExportedEngine.choose("m", unmeasured, false).onnxRuntime());
        // --engine onnxruntime: the export whenever it is verified, an error naming why when not.
        assertTrue(ExportedEngine.choose("m", slow, true).onnxRuntime());
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.crossbench.model.ModelLoadException.class,
                () -> ExportedEngine.choose("m", bad, true));
        assertTrue(e.getMessage().contains("the export differs") && e.getMessage().contains("--engine pytorch"), e.getMessage());
        assertTrue(ExportedEngine.describe(fast).startsWith("onnxruntime"));
        assertTrue(ExportedEngine.describe(slow).startsWith("pytorch"));
        assertTrue(ExportedEngine.describe(bad).startsWith("pytorch"));
    }

    @Test
    void autoRunsWhatTheRecordedMeasurementSays() {
        var catalog = TestModels.catalog();
        ModelDescriptor d = catalog.resolve("all-MiniLM-L6-v2");
        var loader = new dev.crossbench.model.load.BiEncoderLoader(catalog);
        try (var auto = loader.open(d, dev.crossbench.model.EngineChoice.AUTO);
                var pt = loader.open(d, dev.crossbench.model.EngineChoice.PYTORCH)) {
            var s = VerifiedOnnxExport.recorded(VerifiedOnnxExport.folderFor(d, catalog.home()), Kind.BI);
            assertNotNull(s);
            assertEquals(s.onnxRuntimeFaster() ? "OnnxRuntime" : "PyTorch", auto.backend().engineName(), s.summary());
            assertEquals("PyTorch", pt.backend().engineName(), "--engine pytorch still forces PyTorch");
            float[][] a = auto.encode(FIRST);
            float[][] b = pt.encode(FIRST);
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a[i].length; j++) {
                    assertEquals(b[i][j], a[i][j], 1e-5);
                }
            }
        }
    }
}
