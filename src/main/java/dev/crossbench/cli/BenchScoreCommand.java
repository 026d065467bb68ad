package dev.crossbench.cli;

import dev.crossbench.app.BenchTexts;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.RerankCostBenchmark;
import dev.crossbench.app.EncodeOverrides;
import dev.crossbench.eval.MatmulRoofline;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "score", description = "Cross-encoder cost per candidate at rerank depths, against a bi-encoder of the same size.")
final class BenchScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cross", required = true, description = "Cross-encoder folder or hub id.")
    String cross;

    @Option(names = "--bi", defaultValue = "all-MiniLM-L6-v2", description = "Bi-encoder to compare with. Default: ${DEFAULT-VALUE}")
    String bi;

    @Option(names = "--pairs", required = true, description = "Texts to use: the first sentence is the query, the others candidates.")
    Path pairs;

    @Option(names = "--depths", split = ",", defaultValue = "10,100,1000", description = "Rerank depths K. Default: ${DEFAULT-VALUE}")
    int[] depths;

    @Option(names = "--engine", defaultValue = "auto", description = "Engine for both models: auto, pytorch or onnxruntime."
            + " Default: ${DEFAULT-VALUE} (what each model runs by default)")
    String engine;

    @Option(names = "--max-length", defaultValue = "512", description = "Cross-encoder max tokens per pair (longer pairs are"
            + " truncated; with long candidates every pair has this length). Default: ${DEFAULT-VALUE}")
    int maxLength;

    @Option(names = "--batch-size", defaultValue = "32", description = "Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--repeats", defaultValue = "3", description = "Default: ${DEFAULT-VALUE}")
    int repeats;

    @Option(names = "--json", description = "Also write the results as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        new CommandPaths().input("--pairs", pairs).model("--cross", cross).model("--bi", bi).output("--json", json).check();
        PrintWriter out = spec.commandLine().getOut();
        List<String> texts = new ArrayList<>(new java.util.LinkedHashSet<>(BenchTexts.read(pairs)));
        if (texts.size() < 2) {
            throw new IllegalArgumentException(pairs + ": need at least two distinct texts");
        }
        String query = texts.get(0);
        List<String> pool = texts.subList(1, texts.size());
        out.println(DeviceDetector.detect().summary());
        ModelService service = ModelService.standard();
        EngineChoice e = EngineChoice.parse(engine);
        List<RerankCostBenchmark.Depth> rows;
        MatmulRoofline.Result roof;
        BertConfig crossConfig = service.resolve(cross, null).config();
        try (CrossEncoder ce = service.openCrossEncoder(cross, e, batchSize, ScoreActivation.SIGMOID, maxLength);
                BiEncoder be = service.openBiEncoder(bi, e, new EncodeOverrides(batchSize, null, null, null, null, null, null))) {
            rows = new RerankCostBenchmark().run(ce, crossConfig, be, query, pool, depths, repeats);
            roof = ce.scorer().engineName().equals("PyTorch") ? MatmulRoofline.pytorch(1024, 3, 10) : MatmulRoofline.onnxRuntime(1024, 3, 10);
            out.printf("query: \"%s\"; candidates cycle over %d texts of %s%n", query, pool.size(), pairs);
            out.printf("cross-encoder %s on %s; bi-encoder %s on %s%n", ce.name(), ce.scorer().description(),
                    be.descriptor().name(), be.backend().description());
        }
        TextTable t = new TextTable("K", "cross ms", "pairs/s", "GFLOP/s", "share of roofline", "bi encode K ms",
                "bi query+dots ms", "cross/bi-encode", "cross/bi-indexed");
        List<Map<String, Object>> js = new ArrayList<>();
        for (RerankCostBenchmark.Depth d : rows) {
            t.row(d.k(), String.format("%.1f", d.crossMs()), String.format("%.0f", d.crossPairsPerSecond()),
                    String.format("%.1f", d.crossGflops()), String.format("%.1f%%", 100 * d.crossGflops() / roof.bestGflops()),
                    String.format("%.1f", d.biEncodeMs()), String.format("%.2f", d.biQueryOnlyMs()),
                    String.format("%.2fx", d.crossOverBiEncode()), String.format("%.0fx", d.crossOverBiIndexed()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("k", d.k());
            m.put("crossMs", d.crossMs());
            m.put("crossPairsPerSecond", d.crossPairsPerSecond());
            m.put("crossGflops", d.crossGflops());
            m.put("shareOfRoofline", d.crossGflops() / roof.bestGflops());
            m.put("biEncodeMs", d.biEncodeMs());
            m.put("biQueryOnlyMs", d.biQueryOnlyMs());
            m.put("crossOverBiEncode", d.crossOverBiEncode());
            m.put("crossOverBiIndexed", d.crossOverBiIndexed());
            js.add(m);
        }
        t.print(out);
        out.printf("roofline %.1f GFLOP/s (%s, 1024x1024 fp32 matmul). cross/bi-encode: same texts encoded by the bi-encoder;%n"
                + "cross/bi-indexed: the bi-encoder's real per-query cost with candidates already embedded.%n", roof.bestGflops(), roof.engine());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cross", cross);
        result.put("bi", bi);
        result.put("roofline", roof);
        result.put("depths", js);
        JsonOutput.write(json, result);
        return 0;
    }
}
