package dev.crossbench.train;

/**
 * Fine-tuning settings; defaults follow sentence-transformers (lr 2e-5, 10% linear warm-up then
 * linear decay, weight decay 0.01 except biases and LayerNorm, gradient norm clipped at 1).
 * One difference: the word-embedding matrix (11.7M of all-MiniLM-L6-v2's 22.7M parameters) is
 * frozen unless {@code trainWordEmbeddings}: on a CPU its dense gradient, clipping and Adam update
 * took over half of each step, and STS-style fine-tuning barely moves it.
 * {@code symmetricPairs} adds every training pair a second time with its sides swapped (the
 * sentence-transformers STS-B cross-encoder recipe), so a cross-encoder learns score(a,b)=score(b,a).
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

    public TrainingOptions withTrainWordEmbeddings(boolean t) {
        return new TrainingOptions(epochs, batchSize, learningRate, warmupFraction, weightDecay, maxGradNorm, seed, bf16, maxSeqLength, t, symmetricPairs);
    }

    public TrainingOptions withEpochs(int e) {
        return new TrainingOptions(e, batchSize, learningRate, warmupFraction, weightDecay, maxGradNorm, seed, bf16, maxSeqLength, trainWordEmbeddings, symmetricPairs);
    }

    public TrainingOptions withBatchSize(int b) {
        return new TrainingOptions(epochs, b, learningRate, warmupFraction, weightDecay, maxGradNorm, seed, bf16, maxSeqLength, trainWordEmbeddings, symmetricPairs);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(epochs, batchSize, lr, warmupFraction, weightDecay, maxGradNorm, seed, bf16, maxSeqLength, trainWordEmbeddings, symmetricPairs);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(epochs, batchSize, learningRate, warmupFraction, weightDecay, maxGradNorm, s, bf16, maxSeqLength, trainWordEmbeddings, symmetricPairs);
    }

    public TrainingOptions withBf16(boolean b) {
        return new TrainingOptions(epochs, batchSize, learningRate, warmupFraction, weightDecay, maxGradNorm, seed, b, maxSeqLength, trainWordEmbeddings, symmetricPairs);
    }

    public TrainingOptions withMaxSeqLength(int m) {
        return new TrainingOptions(epochs, batchSize, learningRate, warmupFraction, weightDecay, maxGradNorm, seed, bf16, m, trainWordEmbeddings, symmetricPairs);
    }

    public TrainingOptions withSymmetricPairs(boolean sym) {
        return new TrainingOptions(epochs, batchSize, learningRate, warmupFraction, weightDecay, maxGradNorm, seed, bf16, maxSeqLength, trainWordEmbeddings, sym);
    }
}
