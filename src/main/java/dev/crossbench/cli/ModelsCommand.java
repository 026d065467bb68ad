package dev.crossbench.cli;

import dev.crossbench.model.BuiltinModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "models", description = "List the built-in models, their source and whether they work offline.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Also write the list as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TextTable t = new TextTable("model", "kind", "layers", "pooling", "max_seq", "engines", "offline", "source");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BuiltinModel m : BuiltinModel.values()) {
            String engines = m.isInt8() ? "onnxruntime" : "pytorch, onnxruntime";
            String offline = m.isAvailable() ? "yes" : "no (jar missing)";
            t.row(m.displayName(), m.isInt8() ? "bi-encoder int8" : "bi-encoder fp32", m.config().numHiddenLayers(),
                    m.pooling().name().toLowerCase(), m.maxSeqLength(), engines, offline, m.artifact());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", m.displayName());
            r.put("int8", m.isInt8());
            r.put("layers", m.config().numHiddenLayers());
            r.put("pooling", m.pooling().name().toLowerCase());
            r.put("maxSeqLength", m.maxSeqLength());
            r.put("queryPrompt", m.queryPrompt());
            r.put("documentPrompt", m.documentPrompt());
            r.put("engines", engines);
            r.put("availableOffline", m.isAvailable());
            r.put("source", m.artifact());
            rows.add(r);
        }
        t.print(out);
        out.println();
        out.println("Also accepted: a local folder in Hugging Face layout (config.json, tokenizer.json, model.safetensors");
        out.println("or onnx/model.onnx), or a hub id org/name resolved through the Hugging Face cache (HF_HOME,");
        out.println("HF_HUB_CACHE, HF_ENDPOINT, HF_HUB_OFFLINE).");
        JsonOutput.write(json, Map.of("models", rows));
        return 0;
    }
}
