package dev.crossbench.cli;

import dev.crossbench.app.TrainingService;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.train.TrainingListener;
import dev.crossbench.train.TrainingOptions;
import dev.crossbench.train.TrainingSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train", description = "Fine-tune a cross-encoder (cross) or a bi-encoder (bi) on labeled pairs; the best dev epoch is saved.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "cross or bi")
    String kind;

    @Option(names = "--base", required = true, description = "Starting model (built-in name, folder or hub id); for cross, a bi-encoder body or a cross-encoder.")
    String base;

    @Option(names = "--train", required = true, description = "Training pairs with gold scores.")
    Path train;

    @Option(names = "--dev", required = true, description = "Dev pairs: evaluated after each epoch, picks the best checkpoint.")
    Path dev;

    @Option(names = "--out", required = true, description = "Output folder (Hugging Face layout).")
    Path out;

    @Option(names = "--epochs", defaultValue = "4", description = "Default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "16", description = "Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--lr", defaultValue = "2e-5", description = "Peak learning rate. Default: ${DEFAULT-VALUE}")
    double lr;

    @Option(names = "--warmup", defaultValue = "0.1", description = "Warm-up fraction of all steps. Default: ${DEFAULT-VALUE}")
    double warmup;

    @Option(names = "--max-seq-length", defaultValue = "128", description = "Default: ${DEFAULT-VALUE}")
    int maxSeqLength;

    @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--score-range", split = ",", description = "min,max of the gold scores (default: observed over train and dev).")
    double[] scoreRange;

    @Option(names = "--bf16", description = "bf16 mixed precision (CUDA only).")
    boolean bf16;

    @Option(names = "--train-word-embeddings", description = "Also update the word-embedding matrix (slower on CPU; frozen by default).")
    boolean trainWordEmbeddings;

    @Option(names = "--symmetric", description = "Cross-encoders: train on every pair in both orders (a,b) and (b,a); doubles the steps per epoch.")
    boolean symmetric;

    @Option(names = "--loss", defaultValue = "pointwise", description = "Cross-encoders: pointwise (BCE on scored pairs) or listwise (softmax over a query's relevant document and its hard negatives; --train/--dev are ranking groups from `mine-negatives --groups`, --batch-size counts queries). Default: ${DEFAULT-VALUE}")
    String loss;

    @Option(names = "--negatives", defaultValue = "7", description = "Listwise: hard negatives drawn per relevant document each epoch. Default: ${DEFAULT-VALUE}")
    int negatives;

    @Option(names = "--overwrite", description = "Replace a non-empty output folder.")
    boolean overwrite;

    @Option(names = "--json", description = "Also write the summary as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        new CommandPaths().input("--train", train).input("--dev", dev).model("--base", base).outputFolder("--out", out)
                .output("--json", json).check();
        TrainingService.Kind k = switch (kind) {
            case "cross" -> TrainingService.Kind.CROSS;
            case "bi" -> TrainingService.Kind.BI;
            default -> throw new IllegalArgumentException("first argument must be cross or bi, got '" + kind + "'");
        };
        boolean listwise = switch (loss) {
            case "pointwise" -> false;
            case "listwise" -> true;
            default -> throw new IllegalArgumentException("--loss must be pointwise or listwise, got '" + loss + "'");
        };
        if (listwise && k != TrainingService.Kind.CROSS) {
            throw new IllegalArgumentException("--loss listwise trains cross-encoders (rerankers) only");
        }
        if (scoreRange != null && (scoreRange.length != 2 || !(scoreRange[1] > scoreRange[0]))) {
            throw new IllegalArgumentException("--score-range takes min,max with max > min");
        }
        TrainingOptions options = new TrainingOptions(epochs, batchSize, lr, warmup, 0.01, 1.0, seed, bf16, maxSeqLength, trainWordEmbeddings, symmetric);
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar[] bar = {null};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(StepProgress s) {
                if (bar[0] == null) {
                    bar[0] = new ProgressBar(err, "train");
                }
                bar[0].update(s.step(), s.totalSteps(), String.format("loss %.4f lr %.2e %.0f ex/s", s.loss(),
                        s.learningRate(), s.examplesPerSecond()));
            }

            @Override
            public void onEpoch(EpochResult e) {
                if (bar[0] != null) {
                    bar[0].done();
                }
                String dev = Double.isNaN(e.devPearson()) ? String.format("%s %.4f", e.selectionMetric(), e.selectionValue())
                        : String.format("dev spearman %.4f, pearson %.4f", e.devSpearman(), e.devPearson());
                console.printf("epoch %d: mean loss %.4f, %s, %.0f s (%.1f train pairs/s)%s%n", e.epoch(), e.meanLoss(), dev,
                        e.seconds(), e.trainExamplesPerSecond(), e.saved() ? ", saved as best" : "");
                console.flush();
            }
        };
        TrainingService service = new TrainingService(ModelCatalog.standard());
        TrainingSummary s = listwise
                ? service.trainRanking(base, train, dev, options, negatives, out, overwrite, listener,
                        () -> Thread.currentThread().isInterrupted())
                : service.train(k, base, train, dev, options, scoreRange, out, overwrite, listener,
                        () -> Thread.currentThread().isInterrupted());
        String metric = s.epochs().isEmpty() ? "dev" : s.epochs().get(0).selectionMetric();
        console.printf("best epoch %d (%s %.4f) saved to %s%s%n", s.bestEpoch(), metric, s.bestDevSpearman(), s.output(),
                s.skippedSteps() > 0 ? " (" + s.skippedSteps() + " steps skipped for non-finite loss or gradients)" : "");
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", kind);
        j.put("base", base);
        j.put("options", options);
        j.put("epochs", s.epochs());
        j.put("bestEpoch", s.bestEpoch());
        j.put("loss", loss);
        if (listwise) {
            j.put("negatives", negatives);
        }
        if (!listwise) {
            j.put("bestDevSpearman", s.bestDevSpearman());
        }
        j.put("selectionMetric", metric);
        j.put("bestDevSelection", s.bestDevSpearman());
        j.put("output", s.output().toString());
        j.put("skippedSteps", s.skippedSteps());
        j.put("first200StepLosses", s.stepLosses().subList(0, Math.min(200, s.stepLosses().size())));
        JsonOutput.write(json, j);
        return 0;
    }

}
