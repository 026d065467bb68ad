package dev.crossbench.model.catalog;

import dev.crossbench.model.BertConfig;
import dev.crossbench.model.BuiltinModel;
import dev.crossbench.model.BundledModel;
import dev.crossbench.model.ClasspathModelFiles;
import dev.crossbench.model.CrossbenchHome;
import dev.crossbench.model.EncodeOptions;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.ModelSource;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.SentenceTransformersConfig;
import dev.crossbench.model.bundled.BundleAssembler;
import dev.crossbench.model.bundled.BundleManifest;
import dev.crossbench.model.bundled.BundleSource;
import dev.crossbench.model.hub.DownloadListener;
import dev.crossbench.model.hub.HubModelResolver;
import dev.crossbench.model.hub.HubSettings;
import dev.crossbench.model.hub.ModelFolderCheck;
import dev.crossbench.model.onnx.OnnxBertImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns what a user types into a model: a built-in name, a local folder in Hugging Face layout,
 * or a hub id (org/name) resolved through the standard Hugging Face cache.
 */
public final class ModelCatalog {
    private static final int DEFAULT_BATCH = 32;

    private final Path home;
    private final HubSettings hubSettings;

    public ModelCatalog(Path home, HubSettings hubSettings) {
        this.home = home;
        this.hubSettings = hubSettings;
    }

    public static ModelCatalog standard() {
        return new ModelCatalog(CrossbenchHome.resolve(), HubSettings.fromEnvironment());
    }

    public Path home() {
        return home;
    }

    public List<BuiltinModel> builtins() {
        return Arrays.asList(BuiltinModel.values());
    }

    public ModelDescriptor resolve(String ref) {
        return resolve(ref, DownloadListener.NONE);
    }

    public ModelDescriptor resolve(String ref, DownloadListener listener) {
        if (ref == null || ref.isBlank()) {
            throw new ModelLoadException("no model given");
        }
        var builtin = BuiltinModel.byName(ref.trim());
        if (builtin.isPresent()) {
            return builtin(builtin.get());
        }
        var bundled = BundledModel.byName(ref.trim());
        if (bundled.isPresent()) {
            return bundled(bundled.get());
        }
        Path path = Path.of(ref);
        if (Files.exists(path)) {
            return folder(path, ModelSource.LOCAL_FOLDER, path.toString());
        }
        if (ref.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*") && !ref.startsWith(".")) {
            Path snapshot = new HubModelResolver(hubSettings).resolve(ref, null, listener);
            return folder(snapshot, ModelSource.HUB, ref);
        }
        throw new ModelLoadException("unknown model '" + ref + "': not a built-in ("
                + Arrays.stream(BuiltinModel.values()).map(BuiltinModel::displayName).collect(Collectors.joining(", "))
                + "), not a bundled cross-encoder ("
                + Arrays.stream(BundledModel.values()).map(BundledModel::displayName).collect(Collectors.joining(", "))
                + "), not an existing folder, and not a hub id of the form org/name");
    }

    /** Extracts a built-in model's files into the cache folder (once) and describes it. */
    public ModelDescriptor builtin(BuiltinModel m) {
        if (!m.isAvailable()) {
            throw new ModelLoadException("built-in model " + m.displayName() + " is not on the classpath (needs "
                    + m.artifact() + ")");
        }
        Path dir = home.resolve("models").resolve(m.displayName());
        try {
            Files.createDirectories(dir);
            ClasspathModelFiles.extract(m.tokenizerResource(), dir.resolve("tokenizer.json"));
            ClasspathModelFiles.extract(m.onnxResource(), dir.resolve("model.onnx"));
            Path config = dir.resolve("config.json");
            if (!Files.exists(config)) {
                writeAtomically(config, m.config().toJson("BertModel").toString());
            }
            if (!Files.exists(dir.resolve("modules.json"))) {
                SentenceTransformersConfig.write(dir, m.pooling(), true, m.maxSeqLength(), m.config().hiddenSize(),
                        prompts(m));
            }
        } catch (IOException e) {
            throw new ModelLoadException("cannot prepare built-in model " + m.displayName() + " in " + dir + " ("
                    + e.getMessage() + ")", e);
        }
        // int8 files quantize activations with one scale per batch tensor, so an embedding depends on its batch-mates;
        // one text per pass keeps every figure independent of batching (see BiEncoderLoader's note for larger ones).
        EncodeOptions defaults = new EncodeOptions(m.pooling(), true, m.maxSeqLength(), m.isInt8() ? 1 : DEFAULT_BATCH,
                m.queryPrompt(), m.documentPrompt(), m.pairPrompt());
        Path safetensors = m.isInt8() ? null : dir.resolve("model.safetensors");
        return new ModelDescriptor(m.displayName(), ModelSource.BUILTIN, m.artifact(), dir, m.config(), defaults,
                safetensors, dir.resolve("model.onnx"), null, m.isInt8(), m);
    }

    /**
     * A bundled cross-encoder: assembled once from its overlay in {@code assets/models} and its
     * built-in base into {@code <home>/models/<name>} (every piece checked by SHA-256), then
     * described like any model folder.
     */
    public ModelDescriptor bundled(BundledModel m) {
        if (!m.isAvailable()) {
            throw new ModelLoadException("bundled model " + m.displayName() + " is not in this build ("
                    + m.resourceFolder() + BundleManifest.FILE + " is missing from the classpath)");
        }
        ModelDescriptor base = builtin(m.base());
        Path baseWeights = ensureSafetensors(base);
        Path dir = home.resolve("models").resolve(m.displayName());
        BundleAssembler.ensure(BundleSource.classpath(m.resourceFolder()), base.folder(), baseWeights, dir);
        return folder(dir, ModelSource.BUNDLED, m.resourceFolder());
    }

    public List<BundledModel> bundledModels() {
        return Arrays.stream(BundledModel.values()).filter(BundledModel::isAvailable).toList();
    }

    private static Map<String, String> prompts(BuiltinModel m) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        if (!m.queryPrompt().isEmpty()) {
            p.put("query", m.queryPrompt());
        }
        if (!m.documentPrompt().isEmpty()) {
            p.put("passage", m.documentPrompt());
        }
        return p;
    }

    /**
     * The safetensors file for our PyTorch block; for a built-in fp32 model it is imported from
     * the ONNX initializers the first time (atomically, so an interrupted import is redone).
     */
    public Path ensureSafetensors(ModelDescriptor d) {
        if (d.safetensors() == null) {
            throw new ModelLoadException(d.name() + " has no safetensors weights: it runs on ONNX Runtime only"
                    + (d.quantized() ? " (int8)" : ""));
        }
        if (!Files.exists(d.safetensors()) && d.builtin() != null) {
            OnnxBertImporter.importToSafetensors(d.onnx(), d.config(), d.safetensors());
        }
        return d.safetensors();
    }

    /** Describes a model folder in Hugging Face layout, honouring sentence-transformers files. */
    public ModelDescriptor folder(Path dir, ModelSource source, String origin) {
        ModelFolderCheck.requireLoadable(dir);
        Path safetensors = dir.resolve("model.safetensors");
        boolean hasSafetensors = Files.isRegularFile(safetensors);
        Path onnx = firstExisting(dir.resolve("onnx").resolve("model.onnx"), dir.resolve("model.onnx"));
        Path torchScript = findTorchScript(dir);
        Path configJson = dir.resolve("config.json");
        BertConfig config = BertConfig.read(configJson);
        SentenceTransformersConfig st = SentenceTransformersConfig.read(dir);
        Map<String, String> prompts = st.prompts();
        String query = prompts.getOrDefault("query", "");
        String doc = prompts.getOrDefault("passage", prompts.getOrDefault("document", ""));
        int maxSeq = Math.min(st.maxSeqLength().orElse(config.maxPositionEmbeddings()), config.maxPositionEmbeddings());
        EncodeOptions defaults = new EncodeOptions(st.pooling().orElse(PoolingMode.MEAN), st.normalize().orElse(false),
                maxSeq, DEFAULT_BATCH, query, doc, "");
        String name = source == ModelSource.HUB ? origin : dir.getFileName().toString();
        boolean quantized = onnx != null && !hasSafetensors && onnx.getFileName().toString().contains("quant");
        return new ModelDescriptor(name, source, origin, dir, config, defaults, hasSafetensors ? safetensors : null,
                onnx, torchScript, quantized, null);
    }

    private static Path firstExisting(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path findTorchScript(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> pts = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".pt")).sorted().toList());
            return pts.isEmpty() ? null : pts.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
