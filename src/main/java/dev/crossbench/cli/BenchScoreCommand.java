package dev.crossbench.cli;

import dev.crossbench.app.EncodeOverrides;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.bench.BenchTexts;
import dev.crossbench.app.bench.RerankCostBenchmark;
import dev.crossbench.bench.MatmulRoofline;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.device.DeviceDetector;
import dev.crossbench.model.encode.BiEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Option(names = "--engine", split = ",", defaultValue = "auto", description = "Engine for both models: auto, pytorch or"
            + " onnxruntime; comma-separated to compare engines in one run (e.g. pytorch,onnxruntime). Default: ${DEFAULT-VALUE}"
            + " (what each model runs by default)")
    List<String> engines;

    @Option(names = "--max-length", split = ",", defaultValue = "512", description = "Cross-encoder max tokens per pair,"
            + " comma-separated to measure several (longer pairs are truncated; with long candidates every pair has this"
            + " length, e.g. --max-length 128,256). Default: ${DEFAULT-VALUE}")
    int[] maxLengths;

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
        BertConfig crossConfig = service.resolve(cross, null).config();
        // Each engine's own 1024^2 matmul, and the machine's best of them: the limit a pair's FLOPs are held against.
        MatmulRoofline.Result ptRoof = MatmulRoofline.pytorch(1024, 3, 10);
        MatmulRoofline.Result ortRoof = MatmulRoofline.onnxRuntime(1024, 3, 10);
        MatmulRoofline.Result best = ptRoof.bestGflops() >= ortRoof.bestGflops() ? ptRoof : ortRoof;
        TextTable t = new TextTable("--engine", "max len", "K", "cross ms", "ms/candidate", "limit ms/cand.", "pairs/s", "GFLOP/s",
                "of engine's matmul", "of machine's best", "bi encode K ms", "bi query+dots ms", "cross/bi-encode",
                "cross/bi-indexed");
        List<RerankCostBenchmark.Row> js = new ArrayList<>();
        for (String engine : engines) {
            for (int maxLength : maxLengths) {
                js.addAll(measure(service, engine, maxLength, crossConfig, query, pool, ptRoof, ortRoof, best, t));
            }
        }
        t.print(out);
        out.printf("1024x1024 fp32 matmul, best of 10: PyTorch %.1f GFLOP/s, ONNX Runtime %.1f GFLOP/s; the machine's best (%s) sets"
                + " the limit:%na pair's FLOPs at that speed. cross/bi-encode: same texts encoded by the bi-encoder;"
                + " cross/bi-indexed: the bi-encoder's%nreal per-query cost with candidates already embedded.%n",
                ptRoof.bestGflops(), ortRoof.bestGflops(), best.engine());
        JsonOutput.write(json, new RerankCostBenchmark.Result(cross, bi, List.of(ptRoof, ortRoof), best, js));
        return 0;
    }

    /** One engine at one max length: every depth's row, added to the table and returned for the JSON. */
    private List<RerankCostBenchmark.Row> measure(ModelService service, String engine, int maxLength, BertConfig crossConfig,
            String query, List<String> pool, MatmulRoofline.Result ptRoof, MatmulRoofline.Result ortRoof,
            MatmulRoofline.Result best, TextTable t) {
        PrintWriter out = spec.commandLine().getOut();
        EngineChoice e = EngineChoice.parse(engine);
        List<RerankCostBenchmark.Row> js = new ArrayList<>();
        List<RerankCostBenchmark.Depth> rows;
        MatmulRoofline.Result own;
        String crossEngine;
        try (CrossEncoder ce = service.openCrossEncoder(cross, e, batchSize, ScoreActivation.SIGMOID, maxLength);
                BiEncoder be = service.openBiEncoder(bi, e, new EncodeOverrides(batchSize, null, null, null, null, null, null))) {
            ce.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
            rows = new RerankCostBenchmark().run(ce, crossConfig, be, query, pool, depths, repeats);
            own = ce.scorer().engineName().equals("PyTorch") ? ptRoof : ortRoof;
            crossEngine = ce.scorer().description();
            out.printf("max length %d: query \"%s\"; candidates cycle over %d texts of %s%n", maxLength, query, pool.size(), pairs);
            out.printf("cross-encoder %s on %s; bi-encoder %s on %s%n", ce.name(), ce.scorer().description(),
                    be.descriptor().name(), be.backend().description());
        }
        for (RerankCostBenchmark.Depth d : rows) {
            RerankCostBenchmark.Row r = RerankCostBenchmark.Row.of(engine, crossEngine, maxLength, d, own, best);
            t.row(engine, maxLength, r.k(), String.format("%.1f", r.crossMs()), String.format("%.2f", r.msPerCandidate()),
                    String.format("%.2f", r.limitMsPerCandidate()), String.format("%.0f", r.crossPairsPerSecond()),
                    String.format("%.1f", r.crossGflops()), String.format("%.1f%%", 100 * r.shareOfRoofline()),
                    String.format("%.1f%%", 100 * r.shareOfMachineBest()), String.format("%.1f", r.biEncodeMs()),
                    String.format("%.2f", r.biQueryOnlyMs()), String.format("%.2fx", r.crossOverBiEncode()),
                    String.format("%.0fx", r.crossOverBiIndexed()));
            js.add(r);
        }
        return js;
    }
}
