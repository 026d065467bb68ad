package dev.crossbench.train;

/**
 * Fine-tuning settings; defaults follow sentence-transformers (lr 2e-5, 10% linear warm-up then
 * linear decay, weight decay 0.01 except biases and LayerNorm, gradient norm clipped at 1).
 * One difference: the word-embedding matrix (11.7M of all-MiniLM-L6-v2's 22.7M parameters) is
 * frozen unless {@code trainWordEmbeddings}: on a CPU its dense gradient, clipping and Adam update
 * took over half of each step, and STS-style fine-tuning barely moves it.
 * {@code symmetricPairs} adds every training pair a second time with its sides swapped (the
 * sentence-transformers STS-B cross-encoder recipe), so a cross-encoder learns score(a,b)=score(b,a).
 * {@link #defaults()} is the one place the defaults are written: the CLI and the GUI both start from it.
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double warmupFraction, double weightDecay,
        double maxGradNorm, long seed, boolean bf16, int maxSeqLength, boolean trainWordEmbeddings, boolean symmetricPairs) {

    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || learningRate > 1) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
        }
        if (warmupFraction < 0 || warmupFraction >= 1) {
            throw new IllegalArgumentException("warm-up fraction must be in [0, 1), got " + warmupFraction);
        }
        if (maxSeqLength < 8) {
            throw new IllegalArgumentException("max sequence length must be at least 8, got " + maxSeqLength);
        }
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(4, 16, 2e-5, 0.1, 0.01, 1.0, 42, false, 128, false, false);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a starting set; {@link #build()} checks the result as the constructor does. */
    public static final class Builder {
        private int epochs;
        private int batchSize;
        private double learningRate;
        private double warmupFraction;
        private double weightDecay;
        private double maxGradNorm;
        private long seed;
        private boolean bf16;
        private int maxSeqLength;
        private boolean trainWordEmbeddings;
        private boolean symmetricPairs;

        private Builder(TrainingOptions o) {
            epochs = o.epochs;
            batchSize = o.batchSize;
            learningRate = o.learningRate;
            warmupFraction = o.warmupFraction;
            weightDecay = o.weightDecay;
            maxGradNorm = o.maxGradNorm;
            seed = o.seed;
            bf16 = o.bf16;
            maxSeqLength = o.maxSeqLength;
            trainWordEmbeddings = o.trainWordEmbeddings;
            symmetricPairs = o.symmetricPairs;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder warmupFraction(double v) {
            warmupFraction = v;
            return this;
        }

        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        public Builder maxGradNorm(double v) {
            maxGradNorm = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder bf16(boolean v) {
            bf16 = v;
            return this;
        }

        public Builder maxSeqLength(int v) {
            maxSeqLength = v;
            return this;
        }

        public Builder trainWordEmbeddings(boolean v) {
            trainWordEmbeddings = v;
            return this;
        }

        public Builder symmetricPairs(boolean v) {
            symmetricPairs = v;
            return this;
        }

        public TrainingOptions build() {
            return new TrainingOptions(epochs, batchSize, learningRate, warmupFraction, weightDecay, maxGradNorm, seed, bf16,
                    maxSeqLength, trainWordEmbeddings, symmetricPairs);
        }
    }
}
