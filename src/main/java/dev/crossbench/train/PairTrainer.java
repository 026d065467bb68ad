package dev.crossbench.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairDataset;
import dev.crossbench.data.ScoreRange;
import dev.crossbench.model.engine.Engines;
import dev.crossbench.train.eval.BestEpoch;
import dev.crossbench.train.eval.CorrelationEvaluator;
import dev.crossbench.train.eval.Evaluator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The fine-tuning loop shared by both architectures, on DJL's training API: shuffled batches,
 * forward and loss under a gradient collector, global-norm clipping, AdamW with linear warm-up
 * and decay, an {@link Evaluator} on the dev data after each epoch, and the best epoch saved atomically
 * to the output folder. Cancellation is checked between steps; the folder then holds the last good checkpoint.
 */
public abstract class PairTrainer implements AutoCloseable {
    private static final int MAX_SKIPPED_STEPS = 10;
    protected final TrainingOptions options;
    protected final NDManager manager;
    protected final Device device;

    protected PairTrainer(TrainingOptions options, Device device) {
        Engines.pytorch();
        this.options = options;
        this.device = device;
        if (options.bf16()) {
            // DJL 0.36's PyTorch JNI aborts the whole process on NDArray.toType(BFLOAT16) (seen on
            // CPU); without a GPU to prove the CUDA path it is refused rather than risked.
            throw new CrossbenchException("bf16 mixed precision is not available: DJL 0.36's PyTorch binding aborts on bf16"
                    + " casts" + (device.isGpu() ? "" : ", and this run is on " + device) + "; train in fp32");
        }
        this.manager = NDManager.newBaseManager(device, "PyTorch");
    }

    /** The block trained: its output is what {@link #loss} compares with the labels. */
    protected abstract Block block();

    /** Trainable parameters by checkpoint name. */
    protected abstract Map<String, Parameter> parameters();

    /** The loss for pair training (labels are the normalised gold scores). */
    protected abstract Loss lossFunction();

    /** The model inputs for a batch of pairs, created in {@code sub}. */
    protected abstract NDList inputs(NDManager sub, List<LabeledPair> batch);

    /** Labels shaped as the block's output. */
    protected abstract NDArray labels(NDManager sub, double[] normalised);

    /** Scores for pairs in evaluation mode (no dropout, no gradients). */
    protected abstract double[] predict(List<LabeledPair> pairs);

    /** The pairs one epoch goes through; {@code symmetricPairs} adds each pair with its sides swapped. */
    protected List<LabeledPair> trainingPairs(List<LabeledPair> given) {
        List<LabeledPair> pairs = new ArrayList<>(given);
        if (options.symmetricPairs()) {
            for (LabeledPair p : given) {
                pairs.add(p.swapped());
            }
        }
        return pairs;
    }

    /** Writes the model's files (weights, config, tokenizer) into an empty folder. */
    protected abstract void writeModel(Path folder) throws IOException;

    public TrainingSummary train(PairDataset train, PairDataset dev, ScoreRange range, Path out, boolean overwrite,
            TrainingProgressListener listener, BooleanSupplier cancelled) {
        if (train.isEmpty()) {
            throw new CrossbenchException(train.name() + ": the training set has no pairs");
        }
        if (dev == null || dev.isEmpty()) {
            throw new CrossbenchException((dev == null ? "dev set" : dev.name()) + ": the dev set is empty; it is needed to pick the best epoch");
        }
        range.requireCovers(train);
        range.requireCovers(dev);
        List<LabeledPair> pairs = trainingPairs(train.pairs());
        RunPlan plan = new RunPlan() {
            @Override
            public int batchesPerEpoch() {
                return (pairs.size() + options.batchSize() - 1) / options.batchSize();
            }

            @Override
            public List<Batch> batches(int epoch) {
                Collections.shuffle(pairs, new Random(options.seed() * 31 + epoch));
                List<Batch> batches = new ArrayList<>();
                for (int start = 0; start < pairs.size(); start += options.batchSize()) {
                    List<LabeledPair> batch = pairs.subList(start, Math.min(pairs.size(), start + options.batchSize()));
                    double[] y = new double[batch.size()];
                    for (int i = 0; i < y.length; i++) {
                        y[i] = range.normalise(batch.get(i).score());
                    }
                    batches.add(new Batch(batch, y));
                }
                return batches;
            }

        };
        return run(plan, lossFunction(), new CorrelationEvaluator(dev), out, overwrite, listener, cancelled);
    }

    /** A batch of pairs and the labels the loss compares the block's output with. */
    protected record Batch(List<LabeledPair> pairs, double[] labels) {}

    /** What a run goes through: the batches of each epoch. */
    protected interface RunPlan {
        int batchesPerEpoch();

        List<Batch> batches(int epoch);
    }

    /** A plan over ranking groups: {@code batchSize} groups of one relevant document and its drawn negatives a step. */
    protected static RunPlan rankingPlan(RankingBatches batches) {
        return new RunPlan() {
            @Override
            public int batchesPerEpoch() {
                return batches.batchesPerEpoch();
            }

            @Override
            public List<Batch> batches(int epoch) {
                return batches.batches(epoch);
            }
        };
    }

    /**
     * The loop shared by every kind of run; the output folder is checked before the first step. After each
     * epoch {@code evaluator} scores the model through {@link #predict} and the best epoch by its primary
     * metric is saved.
     */
    protected TrainingSummary run(RunPlan plan, Loss loss, Evaluator evaluator, Path out, boolean overwrite,
            TrainingProgressListener listener, BooleanSupplier cancelled) {
        ModelFolderWriter.checkTarget(out, overwrite);
        Engine.getEngine("PyTorch").setRandomSeed((int) options.seed());
        int totalSteps = plan.batchesPerEpoch() * options.epochs();
        int warmup = (int) Math.ceil(totalSteps * options.warmupFraction());
        DecoupledAdamW optimizer = new DecoupledAdamW(new LinearWarmupDecay(options.learningRate(), warmup, totalSteps),
                (float) options.weightDecay(), noDecayIds());
        List<Parameter> trainable = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : parameters().entrySet()) {
            boolean frozen = !options.trainWordEmbeddings() && e.getKey().endsWith("word_embeddings.weight");
            e.getValue().freeze(frozen);
            if (!frozen) {
                e.getValue().getArray().setRequiresGradient(true);
                trainable.add(e.getValue());
            }
        }
        List<TrainingProgressListener.EpochResult> epochs = new ArrayList<>();
        List<Double> stepLosses = new ArrayList<>();
        BestEpoch best = new BestEpoch(evaluator);
        int step = 0;
        int skipped = 0;
        long runStart = System.nanoTime();
        boolean wasCancelled = false;
        try (Model model = Model.newInstance("crossbench-train", device, "PyTorch")) {
            model.setBlock(block());
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                epochLoop:
                for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    double lossSum = 0;
                    int lossCount = 0;
                    int examples = 0;
                    for (Batch batch : plan.batches(epoch)) {
                        if (cancelled.getAsBoolean()) {
                            wasCancelled = true;
                            break epochLoop;
                        }
                        long t0 = System.nanoTime();
                        double stepLoss;
                        boolean applied = false;
                        try (NDManager sub = manager.newSubManager()) {
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDList predictions = trainer.forward(inputs(sub, batch.pairs()));
                                NDArray l = trainer.getLoss().evaluate(new NDList(labels(sub, batch.labels())), predictions);
                                stepLoss = l.getFloat();
                                if (Double.isFinite(stepLoss)) {
                                    gc.backward(l);
                                }
                            }
                            if (Double.isFinite(stepLoss)
                                    && Double.isFinite(GradientClipping.clipGlobalNorm(manager, trainable, options.maxGradNorm()))) {
                                trainer.step();
                                applied = true;
                            }
                        }
                        if (!applied) {
                            // A rare overflow in one batch is skipped, as fp16 loss scalers do; many mean divergence.
                            skipped++;
                            if (skipped > MAX_SKIPPED_STEPS) {
                                throw new CrossbenchException("training diverged: " + skipped + " steps with non-finite loss or"
                                        + " gradients (last at step " + (step + 1) + "); try a lower learning rate");
                            }
                        }
                        step++;
                        examples += batch.pairs().size();
                        if (applied) {
                            lossSum += stepLoss;
                            lossCount++;
                        }
                        stepLosses.add(stepLoss);
                        double secs = (System.nanoTime() - t0) / 1e9;
                        double elapsed = (System.nanoTime() - runStart) / 1e9;
                        listener.onStep(new TrainingProgressListener.StepProgress(step, totalSteps, epoch, stepLoss,
                                optimizer.lastLearningRate(), batch.pairs().size() / secs, elapsed / step * (totalSteps - step)));
                    }
                    double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
                    Map<String, Double> dev = evaluator.evaluate(this::predict);
                    double selection = dev.get(evaluator.primaryMetric());
                    boolean improved = best.offer(epoch, selection);
                    if (improved) {
                        ModelFolderWriter.write(out, this::writeModel);
                    }
                    TrainingProgressListener.EpochResult r = new TrainingProgressListener.EpochResult(epoch,
                            lossSum / Math.max(1, lossCount), dev.getOrDefault(CorrelationEvaluator.PEARSON, Double.NaN),
                            dev.getOrDefault(CorrelationEvaluator.SPEARMAN, Double.NaN), (System.nanoTime() - epochStart) / 1e9,
                            examples / trainSeconds, improved, evaluator.primaryMetric(), selection);
                    epochs.add(r);
                    listener.onEpoch(r);
                }
            }
        }
        return new TrainingSummary(epochs, best.epoch(), best.value(), out, wasCancelled, stepLosses, skipped);
    }

    /** Biases and LayerNorm weights are not decayed. */
    private Set<String> noDecayIds() {
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, Parameter> e : parameters().entrySet()) {
            if (e.getKey().endsWith(".bias") || e.getKey().contains("LayerNorm")) {
                ids.add(e.getValue().getId());
            }
        }
        return ids;
    }

    @Override
    public void close() {
        manager.close();
    }
}
