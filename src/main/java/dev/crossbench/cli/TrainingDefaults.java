package dev.crossbench.cli;

import dev.crossbench.train.TrainingOptions;
import java.math.BigDecimal;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code train}'s numeric defaults, read from {@link TrainingOptions#defaults()} (which the GUI's form also
 * starts from) so no default is written twice; picocli shows them in {@code --help} as {@code ${DEFAULT-VALUE}}.
 */
public final class TrainingDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        TrainingOptions d = TrainingOptions.defaults();
        return switch (option.longestName()) {
            case "--epochs" -> Integer.toString(d.epochs());
            case "--batch-size" -> Integer.toString(d.batchSize());
            case "--lr" -> decimal(d.learningRate());
            case "--warmup" -> decimal(d.warmupFraction());
            case "--max-seq-length" -> Integer.toString(d.maxSeqLength());
            case "--seed" -> Long.toString(d.seed());
            default -> null;
        };
    }

    /** 2e-5 as "0.00002" rather than Double's "2.0E-5". */
    static String decimal(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
