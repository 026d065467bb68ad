package dev.crossbench.cli;

import dev.crossbench.app.TrainingService;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.train.TrainingProgressListener;
import dev.crossbench.train.TrainingOptions;
import dev.crossbench.train.TrainingSummary;
import dev.crossbench.train.loss.TrainingLoss;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crossbench train}; numeric defaults come from {@link TrainingOptions#defaults()} through {@link TrainingDefaults}. */
@Command(name = "train", defaultValueProvider = TrainingDefaults.class,
        description = "Fine-tune a cross-encoder (cross) or a bi-encoder (bi) on labeled pairs; the best dev epoch is saved.")
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

    @Option(names = "--epochs", description = "Default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--batch-size", description = "Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--lr", description = "Peak learning rate. Default: ${DEFAULT-VALUE}")
    double lr;

    @Option(names = "--warmup", description = "Warm-up fraction of all steps. Default: ${DEFAULT-VALUE}")
    double warmup;

    @Option(names = "--max-seq-length", description = "Default: ${DEFAULT-VALUE}")
    int maxSeqLength;

    @Option(names = "--seed", description = "Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--score-range", split = ",", description = "min,max of the gold scores (default: observed over train and dev).")
    double[] scoreRange;

    @Option(names = "--bf16", description = "bf16 mixed precision (CUDA only).")
    boolean bf16;

    @Option(names = "--train-word-embeddings", description = "Also update the word-embedding matrix (slower on CPU; frozen by default).")
    boolean trainWordEmbeddings;

    @Option(names = "--symmetric", description = "Cross-encoders: train on every pair in both orders (a,b) and (b,a); doubles the steps per epoch.")
    boolean symmetric;

    @Option(names = "--loss", defaultValue = "pointwise", description = "pointwise (cross: BCE, bi: cosine MSE on scored pairs),"
            + " listwise (cross only: softmax over a query's relevant document and its hard negatives) or mnrl (bi only:"
            + " MultipleNegativesRankingLoss, in-batch negatives plus --negatives hard ones). listwise and mnrl read ranking groups"
            + " from `mine-negatives --groups` as --train/--dev and judge epochs by dev nDCG@10; --batch-size counts queries."
            + " Default: ${DEFAULT-VALUE}")
    String loss;

    @Option(names = "--negatives", description = "listwise/mnrl: hard negatives drawn per relevant document each epoch. Default: "
            + TrainingLoss.LISTWISE_NEGATIVES + " for listwise, " + TrainingLoss.MNRL_NEGATIVES + " for mnrl")
    Integer negatives;

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
        TrainingLoss lossKind = TrainingLoss.byName(loss);
        boolean cross = k == TrainingService.Kind.CROSS;
        if (!lossKind.trains(cross)) {
            throw new IllegalArgumentException("--loss " + loss + (cross ? " trains bi-encoders only" : " trains cross-encoders (rerankers) only"));
        }
        boolean ranking = lossKind.readsRankingGroups();
        int drawn = negatives != null ? negatives : lossKind.defaultNegatives();
        if (scoreRange != null && (scoreRange.length != 2 || !(scoreRange[1] > scoreRange[0]))) {
            throw new IllegalArgumentException("--score-range takes min,max with max > min");
        }
        TrainingOptions.Builder chosen = TrainingOptions.builder().epochs(epochs).batchSize(batchSize).learningRate(lr)
                .warmupFraction(warmup).maxSeqLength(maxSeqLength).seed(seed);
        // a flag switches its setting on; absent, the setting keeps its default
        if (bf16) {
            chosen.bf16(true);
        }
        if (trainWordEmbeddings) {
            chosen.trainWordEmbeddings(true);
        }
        if (symmetric) {
            chosen.symmetricPairs(true);
        }
        TrainingOptions options = chosen.build();
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar[] bar = {null};
        TrainingProgressListener listener = new TrainingProgressListener() {
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
        BooleanSupplier interrupted = () -> Thread.currentThread().isInterrupted();
        TrainingSummary s = switch (lossKind) {
            case LISTWISE -> service.trainRanking(base, train, dev, options, drawn, out, overwrite, listener, interrupted);
            case MNRL -> service.trainInBatch(base, train, dev, options, drawn, out, overwrite, listener, interrupted);
            case POINTWISE -> service.train(k, base, train, dev, options, scoreRange, out, overwrite, listener, interrupted);
        };
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
        if (ranking) {
            j.put("negatives", drawn);
        }
        if (!ranking) {
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
