package dev.crossbench.model.bundled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.BuiltinModel;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import dev.crossbench.testutil.TestModels;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles a cross-encoder-shaped folder made from the real all-MiniLM-L6-v2 weights (every tensor
 * but the word embeddings perturbed, a classifier added: what training on CPU produces), then
 * assembles it as users would, and breaks each piece in turn.
 */
class BundleAssemblerTest {
    @TempDir
    static Path dir;

    static ModelDescriptor base;
    static Path baseWeights;
    static Path trained;
    static Path bundle;
    static Map<String, FloatTensor> trainedTensors;
    static BundleWriter.Result written;

    @BeforeAll
    static void bundleAFakeTrainedModel() throws IOException {
        ModelCatalog catalog = TestModels.catalog();
        base = catalog.builtin(BuiltinModel.ALL_MINILM_L6_V2);
        baseWeights = catalog.ensureSafetensors(base);
        trained = Files.createDirectories(dir.resolve("trained"));
        Random r = new Random(3);
        List<FloatTensor> tensors = new ArrayList<>();
        for (FloatTensor t : SafeTensors.read(baseWeights, n -> !n.endsWith("position_ids")).values()) {
            float[] d = t.data().clone();
            if (!t.name().equals("embeddings.word_embeddings.weight")) {
                for (int i = 0; i < d.length; i++) {
                    d[i] += (float) (r.nextGaussian() * 1e-3);
                }
            }
            tensors.add(new FloatTensor("bert." + t.name(), t.shape(), d));
        }
        float[] cls = new float[384];
        for (int i = 0; i < cls.length; i++) {
            cls[i] = (float) r.nextGaussian() * 0.02f;
        }
        tensors.add(new FloatTensor("classifier.weight", new long[] {1, 384}, cls));
        tensors.add(new FloatTensor("classifier.bias", new long[] {1}, new float[] {0.25f}));
        SafeTensors.write(trained.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
        Files.writeString(trained.resolve("config.json"), base.config().toJson("BertForSequenceClassification").toString());
        Files.copy(base.tokenizerJson(), trained.resolve("tokenizer.json"));
        Files.writeString(trained.resolve("tokenizer_config.json"), "{\"model_max_length\": 256}");
        trainedTensors = SafeTensors.read(trained.resolve("model.safetensors"));
        bundle = dir.resolve("assets").resolve("test-ce");
        written = BundleWriter.write("test-ce", "all-MiniLM-L6-v2", trained, base.folder(), baseWeights, bundle);
    }

    @Test
    void onlyTheWordEmbeddingsComeFromTheBaseAndTheOverlayIsHalfSize() throws IOException {
        assertEquals(List.of("bert.embeddings.word_embeddings.weight"), written.fromBase());
        assertEquals(List.of("tokenizer.json"), List.copyOf(written.manifest().baseFiles().keySet()));
        assertEquals("tokenizer.json", written.manifest().baseFiles().get("tokenizer.json")[0]);
        assertEquals(List.of("config.json", "tokenizer_config.json"), List.copyOf(written.manifest().files().keySet()));
        long fp32Body = 0;
        for (FloatTensor t : trainedTensors.values()) {
            if (!t.name().contains("word_embeddings")) {
                fp32Body += t.size() * 4;
            }
        }
        // fp16 overlay: half the fp32 bytes of what it stores, plus its JSON header
        assertTrue(Math.abs(written.overlayBytes() - fp32Body / 2) < 16_000, written.overlayBytes() + " vs " + fp32Body / 2);
        assertTrue(written.maxAbsRounding() > 0 && written.maxAbsRounding() < 1e-3, "rounding " + written.maxAbsRounding());
        assertFalse(Files.exists(bundle.resolve("tokenizer.json")), "tokenizer.json is the base's: not stored again");
    }

    @Test
    void assembledFolderHasTheTrainedWeightsUpToHalfRounding() throws IOException {
        Path target = dir.resolve("home1").resolve("test-ce");
        BundleAssembler.ensure(BundleSource.folder(bundle), base.folder(), baseWeights, target);
        Map<String, FloatTensor> got = SafeTensors.read(target.resolve("model.safetensors"));
        assertEquals(trainedTensors.keySet(), got.keySet());
        for (FloatTensor t : trainedTensors.values()) {
            float[] expected = t.data().clone();
            if (!t.name().contains("word_embeddings")) {
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = SafeTensors.roundToHalf(expected[i]);
                }
            }
            assertArrayEquals(expected, got.get(t.name()).data(), t.name());
        }
        assertEquals(Files.readString(trained.resolve("config.json")), Files.readString(target.resolve("config.json")));
        assertEquals(Files.mismatch(base.tokenizerJson(), target.resolve("tokenizer.json")), -1L);
        assertEquals(Map.of("format", "pt", "producer", "crossbench"), SafeTensors.readMetadata(target.resolve("model.safetensors")));
        // a second call finds the stamp and leaves the folder alone
        long modified = Files.getLastModifiedTime(target.resolve("model.safetensors")).toMillis();
        BundleAssembler.ensure(BundleSource.folder(bundle), base.folder(), baseWeights, target);
        assertEquals(modified, Files.getLastModifiedTime(target.resolve("model.safetensors")).toMillis());
    }

    @Test
    void aDamagedOverlayIsNamedWithItsExpectedChecksumAndNothingIsLeftBehind() throws IOException {
        Path broken = copyBundle("broken-overlay");
        try (FileChannel ch = FileChannel.open(broken.resolve("overlay.safetensors"), StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), ch.size() - 100);
        }
        Path home = dir.resolve("home2");
        Path target = home.resolve("test-ce");
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> BundleAssembler.ensure(BundleSource.folder(broken), base.folder(), baseWeights, target));
        assertTrue(e.getMessage().startsWith(broken.resolve("overlay.safetensors") + ": SHA-256 is "), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + written.manifest().overlaySha256()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(target));
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(List.of(), s.toList(), "no half-assembled folder left");
        }
    }

    @Test
    void aBaseWhoseWordEmbeddingsDifferIsRefusedNamingTheTensor() throws IOException {
        Path otherBase = Files.createDirectories(dir.resolve("other-base"));
        Files.copy(base.tokenizerJson(), otherBase.resolve("tokenizer.json"));
        List<FloatTensor> tensors = new ArrayList<>();
        for (FloatTensor t : SafeTensors.read(baseWeights, n -> !n.endsWith("position_ids")).values()) {
            float[] d = t.data().clone();
            if (t.name().equals("embeddings.word_embeddings.weight")) {
                d[12345] += 1e-3f;
            }
            tensors.add(new FloatTensor(t.name(), t.shape(), d));
        }
        Path otherWeights = otherBase.resolve("model.safetensors");
        SafeTensors.write(otherWeights, tensors, Map.of("format", "pt"));
        Path home = dir.resolve("home3");
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> BundleAssembler.ensure(BundleSource.folder(bundle), otherBase, otherWeights, home.resolve("test-ce")));
        assertTrue(e.getMessage().startsWith(otherWeights + ": tensor 'embeddings.word_embeddings.weight' has SHA-256 "),
                e.getMessage());
        assertTrue(e.getMessage().contains("expected " + written.manifest().baseTensors()
                .get("bert.embeddings.word_embeddings.weight")[1]), e.getMessage());
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void aDamagedSmallFileOrAMissingOneIsNamed() throws IOException {
        Path broken = copyBundle("broken-config");
        Files.writeString(broken.resolve("config.json"), "{}");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> BundleAssembler.ensure(
                BundleSource.folder(broken), base.folder(), baseWeights, dir.resolve("home4").resolve("test-ce")));
        assertTrue(e.getMessage().startsWith(broken.resolve("config.json") + ": SHA-256 is "), e.getMessage());
        Path missing = copyBundle("missing-overlay");
        Files.delete(missing.resolve("overlay.safetensors"));
        e = assertThrows(ModelLoadException.class, () -> BundleAssembler.ensure(
                BundleSource.folder(missing), base.folder(), baseWeights, dir.resolve("home5").resolve("test-ce")));
        assertTrue(e.getMessage().contains(missing.resolve("overlay.safetensors").toString()), e.getMessage());
        assertFalse(Files.exists(dir.resolve("home5").resolve("test-ce")));
    }

    @Test
    void aStaleAssemblyFromAnotherOverlayIsReplaced() throws IOException {
        Path target = dir.resolve("home6").resolve("test-ce");
        Files.createDirectories(target);
        Files.writeString(target.resolve(BundleAssembler.STAMP), "0000\n");
        Files.writeString(target.resolve("model.safetensors"), "old");
        BundleAssembler.ensure(BundleSource.folder(bundle), base.folder(), baseWeights, target);
        assertEquals(written.manifest().overlaySha256(), Files.readString(target.resolve(BundleAssembler.STAMP)).trim());
        assertEquals(written.manifest().assembledSha256(), BundleAssembler.sha256(target.resolve("model.safetensors")));
    }

    private static Path copyBundle(String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> s = Files.list(bundle)) {
            for (Path f : s.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
