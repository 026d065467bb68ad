package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.BundledModel;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelSource;
import dev.crossbench.model.bundled.BundleManifest;
import dev.crossbench.model.bundled.BundleSource;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.model.hub.HubSettings;
import dev.crossbench.model.load.CrossEncoderLoader;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import dev.crossbench.testutil.RustEngineCheck;
import dev.crossbench.testutil.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cross-encoders shipped in assets/models: assembled from the repository's files in a fresh
 * cache, checked against DJL's Rust engine and Hugging Face's names, and scored on the sample data
 * with the figures the README and the model cards report.
 */
@Tag("slow")
class BundledModelsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void assemblesFromTheRepositoryFilesIntoAFreshCache(BundledModel m) throws Exception {
        assertTrue(m.isAvailable(), m.resourceFolder() + "bundle.json must ship with the build (every catalog entry ships)");
        ModelCatalog fresh = new ModelCatalog(dir.resolve("home"), HubSettings.fromEnvironment());
        ModelDescriptor d = fresh.resolve(m.displayName());
        assertEquals(ModelSource.BUNDLED, d.source());
        assertEquals(dir.resolve("home").resolve("models").resolve(m.displayName()), d.folder());
        BundleManifest manifest = BundleManifest.read(BundleSource.classpath(m.resourceFolder()));
        assertEquals(manifest.assembledSha256(), sha256(d.safetensors()));
        assertTrue(CrossEncoderLoader.isCrossEncoder(d));
        try (Stream<Path> s = Files.list(d.folder().getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("assembling")), "no temporary folder left");
        }
        double rust = RustEngineCheck.assertLogitsMatch(d.folder());
        assertTrue(rust < 1e-4, "Rust engine " + rust);
    }

    /** Exactly the state-dict names and shapes of transformers' BertForSequenceClassification (num_labels 1). */
    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void weightsCarryBertForSequenceClassificationNamesAndShapes(BundledModel m) {
        ModelDescriptor d = TestModels.catalog().resolve(m.displayName());
        BertConfig c = d.config();
        Map<String, long[]> expected = new LinkedHashMap<>();
        int h = c.hiddenSize();
        int f = c.intermediateSize();
        expected.put("bert.embeddings.word_embeddings.weight", new long[] {c.vocabSize(), h});
        expected.put("bert.embeddings.position_embeddings.weight", new long[] {c.maxPositionEmbeddings(), h});
        expected.put("bert.embeddings.token_type_embeddings.weight", new long[] {c.typeVocabSize(), h});
        expected.put("bert.embeddings.LayerNorm.weight", new long[] {h});
        expected.put("bert.embeddings.LayerNorm.bias", new long[] {h});
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String l = "bert.encoder.layer." + i + ".";
            for (String p : new String[] {"attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"}) {
                expected.put(l + p + ".weight", new long[] {h, h});
                expected.put(l + p + ".bias", new long[] {h});
            }
            expected.put(l + "attention.output.LayerNorm.weight", new long[] {h});
            expected.put(l + "attention.output.LayerNorm.bias", new long[] {h});
            expected.put(l + "intermediate.dense.weight", new long[] {f, h});
            expected.put(l + "intermediate.dense.bias", new long[] {f});
            expected.put(l + "output.dense.weight", new long[] {h, f});
            expected.put(l + "output.dense.bias", new long[] {h});
            expected.put(l + "output.LayerNorm.weight", new long[] {h});
            expected.put(l + "output.LayerNorm.bias", new long[] {h});
        }
        expected.put("bert.pooler.dense.weight", new long[] {h, h});
        expected.put("bert.pooler.dense.bias", new long[] {h});
        expected.put("classifier.weight", new long[] {1, h});
        expected.put("classifier.bias", new long[] {1});
        Map<String, FloatTensor> got = SafeTensors.read(d.safetensors());
        assertEquals(new java.util.TreeSet<>(expected.keySet()), new java.util.TreeSet<>(got.keySet()));
        expected.forEach((name, shape) -> assertTrue(Arrays.equals(shape, got.get(name).shape()), name));
        assertEquals("pt", SafeTensors.readMetadata(d.safetensors()).get("format"));
        assertEquals(1, c.numLabels());
    }

    /** The first start's comparison (K=20 on sample-data/squad): the figures the README and the model card report. */
    @Test
    void rerankerImprovesTheSquadSample() throws Exception {
        Path json = dir.resolve("retrieval.json");
        CliRun r = CliRun.of("eval-retrieval", "--bi", "all-MiniLM-L6-v2", "--engine", "onnxruntime",
                "--corpus", "sample-data/squad/corpus.jsonl", "--queries", "sample-data/squad/queries.jsonl",
                "--qrels", "sample-data/squad/qrels.tsv", "--cross", BundledModel.RERANKER.displayName(), "--k", "20",
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject bi = o.getAsJsonObject("biEncoderMetrics");
        JsonObject two = o.getAsJsonObject("twoStageMetrics");
        assertEquals(0.8164, bi.get("nDCG@10").getAsDouble(), 1e-4);
        assertEquals(0.8922, two.get("nDCG@10").getAsDouble(), 1e-3, "reranked nDCG@10 (measured 0.89222)");
        assertEquals(0.8685, two.get("MRR@10").getAsDouble(), 1e-3, "reranked MRR@10 (measured 0.86849)");
    }

    /** The first start's comparison (sample-data/pairs-test.csv): the figure the README and the model card report. */
    @Test
    void pairScorerScoresTheSamplePairs() throws Exception {
        Path json = dir.resolve("pairs.json");
        CliRun r = CliRun.of("eval-pairs", "--model", "all-MiniLM-L6-v2", "--cross", BundledModel.PAIR_SCORER.displayName(),
                "--pairs", "sample-data/pairs-test.csv", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        var models = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("models");
        JsonObject bi = models.get(0).getAsJsonObject().getAsJsonObject("correlations").getAsJsonObject("cosine");
        JsonObject cross = models.get(1).getAsJsonObject().getAsJsonObject("correlations").getAsJsonObject("score");
        assertEquals(0.8571, bi.get("spearman").getAsDouble(), 1e-4, "all-MiniLM-L6-v2 on the sample");
        assertEquals(0.8498, cross.get("spearman").getAsDouble(), 1e-4, "the pair scorer on the sample (measured 0.84979)");
        assertEquals(0.8527, cross.get("pearson").getAsDouble(), 1e-4, "its Pearson r (measured 0.85270)");
    }

    private static String sha256(Path file) throws Exception {
        var d = java.security.MessageDigest.getInstance("SHA-256");
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file), d)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(d.digest());
    }
}
