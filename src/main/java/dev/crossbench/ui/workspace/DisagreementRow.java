package dev.crossbench.ui.workspace;

import dev.crossbench.data.LabeledPair;

/**
 * A pair with each model's score and how much the models disagree with gold and with each other
 * (differences of percentile ranks; see {@link dev.crossbench.eval.RankDisagreement}).
 */
public record DisagreementRow(int index, LabeledPair pair, double[] predicted, double goldGap, double modelGap) {
    public DisagreementRow {
        predicted = predicted.clone();
    }

    /** 1-based, as in the file (blank lines and header not counted). */
    public int number() {
        return index + 1;
    }

    @Override
    public double[] predicted() {
        return predicted.clone();
    }

    public double predicted(int model) {
        return predicted[model];
    }
}
