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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval-pairs", description = "Pearson and Spearman between gold scores and each model's similarity scores on labeled pairs.")
final class EvalPairsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "Bi-encoder (repeatable): built-in name, folder or hub id.")
    List<String> models = new ArrayList<>();

    @Option(names = "--cross", description = "Cross-encoder (repeatable): a folder or hub id (BertForSequenceClassification).")
    List<String> crossEncoders = new ArrayList<>();

    @Option(names = "--activation", defaultValue = "sigmoid", description = "Cross-encoder score: sigmoid or identity (logits). Default: ${DEFAULT-VALUE}")
    String activation;

    @Option(names = "--pairs", required = true, description = "Labeled pairs: STS-B TSV, SICK TSV, CSV/TSV with header, JSONL.")
    Path pairs;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Also write the results as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        new CommandPaths().input("--pairs", pairs).models("--model", models).models("--cross", crossEncoders)
                .output("--json", json).check();
        PrintWriter out = spec.commandLine().getOut();
        if (models.isEmpty() && crossEncoders.isEmpty()) {
            throw new IllegalArgumentException("give at least one --model (bi-encoder) or --cross (cross-encoder)");
        }
        PairDataset data = PairReader.read(pairs);
        out.printf("%s: %d pairs, %d unique sentences, gold scores %.2f..%.2f%n", pairs, data.size(),
                data.uniqueSentences().size(), data.minScore(), data.maxScore());
        ModelService service = ModelService.standard();
        PairEvaluationService evaluator = new PairEvaluationService();
        List<BiEncoderPairResult> results = new ArrayList<>();
        for (String m : models) {
            try (BiEncoder enc = modelOptions.open(spec.commandLine().getErr(), m, modelOptions.overrides())) {
                ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), enc.descriptor().name());
                results.add(evaluator.evaluate(data, enc, bar::update, () -> false));
                bar.done();
            }
        }
        for (String c : crossEncoders) {
            int batch = modelOptions.batchSize != null ? modelOptions.batchSize : 32;
            try (var ce = service.openCrossEncoder(c, modelOptions.engineChoice(), batch,
                    dev.crossbench.model.cross.ScoreActivation.parse(activation), modelOptions.maxSeqLength)) {
                ce.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
                ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), ce.name());
                results.add(evaluator.evaluate(data, ce, bar::update, () -> false));
                bar.done();
            }
        }
        TextTable t = new TextTable("model", "kind", "engine", "function", "spearman x100", "pearson x100", "texts/s");
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean goldConstant = data.minScore() == data.maxScore();
        boolean undefined = false;
        for (BiEncoderPairResult r : results) {
            if (r.correlations().predicted().isPresent()) {
                ScoreCorrelation c = r.correlations().predicted().get();
                undefined |= Double.isNaN(c.spearman()) || Double.isNaN(c.pearson());
                t.row(r.model(), r.kind(), r.engine(), "score", fmt(c.spearman() * 100), fmt(c.pearson() * 100),
                        String.format("%.1f pairs", r.sentencesPerSecond()));
            }
            for (SimilarityFunction f : r.correlations().bySimilarity().keySet()) {
                ScoreCorrelation c = r.correlations().get(f);
                undefined |= Double.isNaN(c.spearman()) || Double.isNaN(c.pearson());
                t.row(r.model(), r.kind(), r.engine(), f.label(), fmt(c.spearman() * 100), fmt(c.pearson() * 100),
                        f == SimilarityFunction.COSINE ? String.format("%.1f", r.sentencesPerSecond()) : "");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", r.model());
            row.put("kind", r.kind());
            row.put("engine", r.engine());
            Map<String, Object> byFn = new LinkedHashMap<>();
            r.correlations().predicted().ifPresent(c -> byFn.put("score", correlationJson(c, goldConstant)));
            for (SimilarityFunction f : r.correlations().bySimilarity().keySet()) {
                byFn.put(f.label(), correlationJson(r.correlations().get(f), goldConstant));
            }
            row.put("correlations", byFn);
            row.put("uniqueSentences", r.uniqueSentences());
            row.put("encodeSeconds", r.encodeSeconds());
            row.put(r.kind().equals("cross-encoder") ? "pairsPerSecond" : "sentencesPerSecond", r.sentencesPerSecond());
            rows.add(row);
        }
        t.print(out);
        if (undefined) {
            out.println("note: n/a = correlation undefined: " + undefinedReason(goldConstant));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pairs", pairs.toString());
        result.put("size", data.size());
        result.put("models", rows);
        JsonOutput.write(json, result);
        return 0;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.2f", v);
    }

    /** Spearman and Pearson, null with a reason when undefined (one side constant: nothing to correlate). */
    private static Map<String, Object> correlationJson(ScoreCorrelation c, boolean goldConstant) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spearman", c.spearman());
        m.put("pearson", c.pearson());
        if (Double.isNaN(c.spearman()) || Double.isNaN(c.pearson())) {
            m.put("reason", undefinedReason(goldConstant));
        }
        return m;
    }

    private static String undefinedReason(boolean goldConstant) {
        return goldConstant ? "the gold scores are all equal" : "the model gives every pair the same score";
    }
}
