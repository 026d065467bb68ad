package dev.crossbench.cli;

import dev.crossbench.app.BenchTexts;
import dev.crossbench.app.EncodeBenchmark.Measurement;
import dev.crossbench.app.EncodeBenchmark;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.PeerEncoder;
import dev.crossbench.bench.MatmulRoofline;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.device.DeviceDetector;
import dev.crossbench.model.encode.BiEncoder;
import java.io.PrintWriter;
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

@Command(name = "encode", description = "Encode throughput: sentences/s, tokens/s, GFLOP/s and share of the measured matmul roofline.")
final class BenchEncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Bi-encoder: built-in name, folder or hub id.")
    String model;

    @Option(names = "--input", required = true, description = "Texts: a labeled-pair file (both sides are used) or one text per line.")
    Path input;

    @Option(names = "--engines", split = ",", defaultValue = "auto,pytorch,onnxruntime",
            description = "Engines to measure, comma-separated: auto (what the model runs by default), pytorch, onnxruntime"
                    + " (a model's own ONNX file, else the verified export of its safetensors). Default: ${DEFAULT-VALUE}"
                    + " (those the model supports).")
    List<String> engines;

    @Option(names = "--batch-size", defaultValue = "32", description = "Texts per forward pass. Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed passes over all texts (median reported). Default: ${DEFAULT-VALUE}")
    int repeats;

    @Option(names = "--peer", description = "Also measure a peer implementation of the model found on the class path.")
    boolean peer;

    @Option(names = "--matmul-n", defaultValue = "1024", description = "Size of the roofline matmul. Default: ${DEFAULT-VALUE}")
    int matmulN;

    @Option(names = "--json", description = "Also write the results as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        new CommandPaths().input("--input", input).output("--json", json).check();
        PrintWriter out = spec.commandLine().getOut();
        List<String> texts = BenchTexts.read(input);
        out.printf("%s: %d texts (%d unique)%n", input, texts.size(), texts.stream().distinct().count());
        out.println(DeviceDetector.detect().summary());
        ModelService service = ModelService.standard();
        ModelDescriptor d = service.resolve(model, null);
        EncodeBenchmark bench = new EncodeBenchmark();
        List<Measurement> ms = new ArrayList<>();
        Map<String, MatmulRoofline.Result> rooflines = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        Measurement best = null;
        BiEncoder forPeer = null;
        try {
            for (String e : engines) {
                EngineChoice choice = EngineChoice.parse(e);
                if (choice == EngineChoice.PYTORCH && !d.canRunOnPyTorch() || choice == EngineChoice.ONNXRUNTIME && !d.canRunOnOnnxRuntime()) {
                    out.printf("(skipping %s: %s cannot run there)%n", e, d.name());
                    continue;
                }
                BiEncoder enc = service.openBiEncoder(d, choice, d.defaults().withBatchSize(batchSize));
                try {
                    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), e);
                    Measurement m = bench.measure(enc, texts, repeats, bar::update, () -> false);
                    bar.done();
                    String engineName = enc.backend().engineName();
                    MatmulRoofline.Result roof = rooflines.computeIfAbsent(engineName, k -> k.equals("PyTorch")
                            ? MatmulRoofline.pytorch(matmulN, 3, 10) : MatmulRoofline.onnxRuntime(matmulN, 3, 10));
                    ms.add(m);
                    Map<String, Object> r = row(m, roof);
                    r.put("engineOption", e);
                    rows.add(r);
                    if (best == null || m.sentencesPerSecond() > best.sentencesPerSecond()) {
                        best = m;
                    }
                } finally {
                    if (forPeer == null) {
                        forPeer = enc;
                    } else {
                        enc.close();
                    }
                }
            }
            if (peer) {
                List<PeerEncoder> peers = EncodeBenchmark.peersFor(d.name());
                if (peers.isEmpty()) {
                    out.println("(no peer implementation of " + d.name() + " on the class path: run with CROSSBENCH_PEER=1)");
                } else if (forPeer != null) {
                    try (PeerEncoder p = peers.get(0)) {
                        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "peer");
                        Measurement m = bench.measurePeer(p, d.config(), forPeer.tokenizer(), texts, repeats, bar::update, () -> false);
                        bar.done();
                        MatmulRoofline.Result roof = rooflines.computeIfAbsent("OnnxRuntime", k -> MatmulRoofline.onnxRuntime(matmulN, 3, 10));
                        Map<String, Object> r = row(m, roof);
                        if (best != null) {
                            r.put("bestOursOverPeer", best.sentencesPerSecond() / m.sentencesPerSecond());
                        }
                        rows.add(r);
                    }
                }
            }
        } finally {
            if (forPeer != null) {
                forPeer.close();
            }
        }
        TextTable t = new TextTable("implementation", "--engine", "engine", "sentences/s", "tokens/s", "GFLOP/s", "roofline GFLOP/s",
                "share of roofline", "ours/peer");
        for (Map<String, Object> r : rows) {
            t.row(r.get("implementation"), r.getOrDefault("engineOption", "-"), r.get("engine"), String.format("%.1f", (double) r.get("sentencesPerSecond")),
                    String.format("%.0f", (double) r.get("tokensPerSecond")), String.format("%.1f", (double) r.get("gflops")),
                    String.format("%.1f", (double) r.get("rooflineGflops")),
                    String.format("%.1f%%", 100 * (double) r.get("shareOfRoofline")),
                    r.containsKey("bestOursOverPeer") ? String.format("%.2fx", (double) r.get("bestOursOverPeer")) : "");
        }
        t.print(out);
        out.printf("roofline: best of 10 runs of a %dx%d fp32 matmul on the same engine; FLOPs counted on computed token slots%n",
                matmulN, matmulN);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("input", input.toString());
        result.put("texts", texts.size());
        result.put("model", d.name());
        result.put("batchSize", batchSize);
        result.put("device", DeviceDetector.detect().summary());
        result.put("results", rows);
        result.put("rooflines", rooflines);
        JsonOutput.write(json, result);
        return 0;
    }

    private static Map<String, Object> row(Measurement m, MatmulRoofline.Result roof) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("implementation", m.implementation());
        r.put("engine", m.engine());
        r.put("texts", m.texts());
        r.put("realTokens", m.realTokens());
        r.put("computedTokens", m.computedTokens());
        r.put("medianSeconds", m.runs().medianNanos() / 1e9);
        r.put("sentencesPerSecond", m.sentencesPerSecond());
        r.put("tokensPerSecond", m.tokensPerSecond());
        r.put("gflops", m.gflops());
        r.put("rooflineGflops", roof.bestGflops());
        r.put("shareOfRoofline", m.gflops() / roof.bestGflops());
        return r;
    }
}
