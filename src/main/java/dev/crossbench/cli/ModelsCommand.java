package dev.crossbench.cli;

import com.google.gson.JsonParser;
import dev.crossbench.model.BuiltinModel;
import dev.crossbench.model.BundledModel;
import dev.crossbench.model.CrossbenchHome;
import dev.crossbench.model.bundled.BundleSource;
import dev.crossbench.model.export.ExportedEngine;
import dev.crossbench.model.export.VerifiedOnnxExport;
import dev.crossbench.model.onnx.BertOnnxExporter.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "models", description = "List the built-in bi-encoders and the bundled cross-encoders: kind, task, source"
        + " and whether they work offline.")
final class ModelsCommand implements Callable<Integer> {
    static final String BUNDLED_SOURCE = "bundled (trained by Crossbench)";

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Also write the list as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TextTable t = new TextTable("model", "kind", "task", "layers", "pooling", "max_seq", "engines", "default engine",
                "offline", "source");
        List<Map<String, Object>> rows = new ArrayList<>();
        Path home = CrossbenchHome.resolve();
        List<String> why = new ArrayList<>();
        for (BuiltinModel m : BuiltinModel.values()) {
            String engines = m.isInt8() ? "onnxruntime" : "pytorch, onnxruntime";
            String offline = m.isAvailable() ? "yes" : "no (jar missing)";
            VerifiedOnnxExport.Status export = m.isInt8() ? null : recorded(home, m.displayName(), Kind.BI);
            String auto = m.isInt8() ? "onnxruntime (int8 ONNX weights)" : ExportedEngine.describe(export);
            String autoShort = m.isInt8() ? "onnxruntime" : ExportedEngine.shortName(export);
            t.row(m.displayName(), m.isInt8() ? "bi-encoder int8" : "bi-encoder fp32", "embedding", m.config().numHiddenLayers(),
                    m.pooling().name().toLowerCase(), m.maxSeqLength(), engines, autoShort, offline, m.artifact());
            if (!m.isInt8()) {
                why.add(m.displayName() + ": " + auto);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", m.displayName());
            r.put("kind", "bi-encoder");
            r.put("int8", m.isInt8());
            r.put("layers", m.config().numHiddenLayers());
            r.put("pooling", m.pooling().name().toLowerCase());
            r.put("maxSeqLength", m.maxSeqLength());
            r.put("queryPrompt", m.queryPrompt());
            r.put("documentPrompt", m.documentPrompt());
            r.put("engines", engines);
            r.put("defaultEngine", autoShort);
            r.put("defaultEngineWhy", auto);
            r.put("availableOffline", m.isAvailable());
            r.put("source", m.artifact());
            rows.add(r);
        }
        for (BundledModel m : BundledModel.values()) {
            // Listed even when missing from this build, so the catalog says what the project ships.
            Integer maxSeq = m.isAvailable() ? bundledMaxLength(m) : null;
            String source = BUNDLED_SOURCE + ", base " + m.base().displayName();
            VerifiedOnnxExport.Status export = recorded(home, m.displayName(), Kind.CROSS);
            String auto = ExportedEngine.describe(export);
            String autoShort = ExportedEngine.shortName(export);
            why.add(m.displayName() + ": " + auto);
            t.row(m.displayName(), "cross-encoder", m.task().label(), m.base().config().numHiddenLayers(), "-",
                    maxSeq == null ? "-" : maxSeq, "pytorch, onnxruntime", autoShort, m.isAvailable() ? "yes" : "no (not in this build)",
                    source);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", m.displayName());
            r.put("kind", "cross-encoder");
            r.put("task", m.task().label());
            r.put("base", m.base().displayName());
            r.put("layers", m.base().config().numHiddenLayers());
            r.put("maxSeqLength", maxSeq);
            r.put("engines", "pytorch, onnxruntime");
            r.put("defaultEngine", autoShort);
            r.put("defaultEngineWhy", auto);
            r.put("availableOffline", m.isAvailable());
            r.put("source", BUNDLED_SOURCE);
            rows.add(r);
        }
        t.print(out);
        out.println();
        out.println("Default engine: " + ExportedEngine.RULE + ". Training always runs on PyTorch; --engine pytorch|onnxruntime");
        out.println("forces one. On this machine:");
        why.forEach(w -> out.println("  " + w));
        out.println();
        out.println("Bundled cross-encoders are assembled from assets/models/NAME and their base into the cache on first use;");
        out.println("use them with --cross NAME. Also accepted: a local folder in Hugging Face layout (config.json, tokenizer.json,");
        out.println("model.safetensors or onnx/model.onnx), or a hub id org/name resolved through the Hugging Face cache (HF_HOME,");
        out.println("HF_HUB_CACHE, HF_ENDPOINT, HF_HUB_OFFLINE).");
        JsonOutput.write(json, Map.of("models", rows));
        return 0;
    }

    /** The bundle's tokenizer_config.json model_max_length (what --cross uses by default), or null when it has none. */
    private static Integer bundledMaxLength(BundledModel m) {
        try (InputStream in = BundleSource.classpath(m.resourceFolder()).open("tokenizer_config.json")) {
            var o = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            if (o.has("model_max_length")) {
                return Math.min(o.get("model_max_length").getAsInt(), m.base().config().maxPositionEmbeddings());
            }
        } catch (IOException | RuntimeException e) {
            // Only the listing's max_seq column depends on it.
        }
        return null;
    }

    /** A built-in or bundled model's export record in the cache, if any (nothing is built here). */
    private static VerifiedOnnxExport.Status recorded(Path home, String name, Kind kind) {
        return VerifiedOnnxExport.recorded(VerifiedOnnxExport.folderInCache(home, name), kind);
    }
}
