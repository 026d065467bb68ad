package dev.crossbench.cli;

import dev.crossbench.app.ModelService;
import dev.crossbench.app.bench.BenchTexts;
import dev.crossbench.app.bench.EncodeComparison;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.device.DeviceDetector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
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
        Map<String, ProgressBar> bars = new HashMap<>();
        EncodeComparison.Result r = new EncodeComparison(service).run(d, texts,
                new EncodeComparison.Settings(engines, batchSize, repeats, matmulN, peer),
                label -> bars.computeIfAbsent(label, l -> new ProgressBar(spec.commandLine().getErr(), l))::update,
                label -> bars.get(label).done(), () -> false);
        r.notes().forEach(n -> out.println("(" + n + ")"));
        TextTable t = new TextTable("implementation", "--engine", "engine", "sentences/s", "tokens/s", "GFLOP/s", "roofline GFLOP/s",
                "share of roofline", "ours/peer");
        for (EncodeComparison.Row row : r.results()) {
            t.row(row.implementation(), row.engineOption() == null ? "-" : row.engineOption(), row.engine(),
                    String.format("%.1f", row.sentencesPerSecond()), String.format("%.0f", row.tokensPerSecond()),
                    String.format("%.1f", row.gflops()), String.format("%.1f", row.rooflineGflops()),
                    String.format("%.1f%%", 100 * row.shareOfRoofline()),
                    row.bestOursOverPeer() == null ? "" : String.format("%.2fx", row.bestOursOverPeer()));
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
        result.put("results", r.results());
        result.put("rooflines", r.rooflines());
        JsonOutput.write(json, result);
        return 0;
    }
}
