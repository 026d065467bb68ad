package dev.crossbench.cli;

import dev.crossbench.app.BiEncoderPairResult;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.PairEvaluationService;
import dev.crossbench.data.PairDataset;
import dev.crossbench.data.PairReader;
import dev.crossbench.eval.ScoreCorrelation;
import dev.crossbench.eval.SimilarityFunction;
import dev.crossbench.model.encode.BiEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval-pairs", description = "Pearson and Spearman between gold scores and each model's similarity scores on labeled pairs.")
final class EvalPairsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Bi-encoder (repeatable): built-in name, folder or hub id.")
    List<String> models;

    @Option(names = "--pairs", required = true, description = "Labeled pairs: STS-B TSV, SICK TSV, CSV/TSV with header, JSONL.")
    Path pairs;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Also write the results as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PairDataset data = PairReader.read(pairs);
        out.printf("%s: %d pairs, %d unique sentences, gold scores %.2f..%.2f%n", pairs, data.size(),
                data.uniqueSentences().size(), data.minScore(), data.maxScore());
        ModelService service = ModelService.standard();
        PairEvaluationService evaluator = new PairEvaluationService();
        List<BiEncoderPairResult> results = new ArrayList<>();
        for (String m : models) {
            try (BiEncoder enc = service.openBiEncoder(m, modelOptions.engineChoice(), modelOptions.overrides())) {
                ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), enc.descriptor().name());
                results.add(evaluator.evaluate(data, enc, bar::update, () -> false));
                bar.done();
            }
        }
        TextTable t = new TextTable("model", "engine", "function", "spearman x100", "pearson x100", "sentences/s");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BiEncoderPairResult r : results) {
            for (SimilarityFunction f : SimilarityFunction.values()) {
                ScoreCorrelation c = r.correlations().get(f);
                t.row(r.model(), r.engine(), f.label(), fmt(c.spearman() * 100), fmt(c.pearson() * 100),
                        f == SimilarityFunction.COSINE ? String.format("%.1f", r.sentencesPerSecond()) : "");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", r.model());
            row.put("kind", r.kind());
            row.put("engine", r.engine());
            Map<String, Object> byFn = new LinkedHashMap<>();
            for (SimilarityFunction f : SimilarityFunction.values()) {
                ScoreCorrelation c = r.correlations().get(f);
                byFn.put(f.label(), Map.of("spearman", c.spearman(), "pearson", c.pearson()));
            }
            row.put("correlations", byFn);
            row.put("uniqueSentences", r.uniqueSentences());
            row.put("encodeSeconds", r.encodeSeconds());
            row.put("sentencesPerSecond", r.sentencesPerSecond());
            rows.add(row);
        }
        t.print(out);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pairs", pairs.toString());
        result.put("size", data.size());
        result.put("models", rows);
        JsonOutput.write(json, result);
        return 0;
    }

    private static String fmt(double v) {
        return String.format("%.2f", v);
    }
}
