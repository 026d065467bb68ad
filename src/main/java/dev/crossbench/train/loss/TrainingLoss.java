package dev.crossbench.train.loss;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The losses a run can be asked for by name ({@code train --loss NAME}): which architecture each trains
 * and whether it reads scored pairs or ranking groups ({@code mine-negatives --groups}).
 */
public enum TrainingLoss {
    /** BCE on logits for cross-encoders, cosine MSE for bi-encoders ({@link PairLosses}); scored pairs. */
    POINTWISE("pointwise", true, true, false, 0),
    /** {@link ListwiseSoftmaxLoss}: a query's relevant document against its hard negatives; rerankers. */
    LISTWISE("listwise", true, false, true, TrainingLoss.LISTWISE_NEGATIVES),
    /** {@link MultipleNegativesRankingLoss}: in-batch negatives, plus hard negatives if asked; bi-encoders. */
    MNRL("mnrl", false, true, true, TrainingLoss.MNRL_NEGATIVES);

    /** Listwise default: a relevant document against 7 negatives, groups of 8. */
    public static final int LISTWISE_NEGATIVES = 7;
    /** MNRL default: the batch's other documents are the negatives; hard negatives are an opt-in. */
    public static final int MNRL_NEGATIVES = 0;

    private final String cliName;
    private final boolean crossEncoders;
    private final boolean biEncoders;
    private final boolean rankingGroups;
    private final int defaultNegatives;

    TrainingLoss(String cliName, boolean crossEncoders, boolean biEncoders, boolean rankingGroups, int defaultNegatives) {
        this.cliName = cliName;
        this.crossEncoders = crossEncoders;
        this.biEncoders = biEncoders;
        this.rankingGroups = rankingGroups;
        this.defaultNegatives = defaultNegatives;
    }

    public static TrainingLoss byName(String name) {
        for (TrainingLoss l : values()) {
            if (l.cliName.equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("--loss must be one of " + names() + ", got '" + name + "'");
    }

    /** "pointwise, listwise, mnrl". */
    public static String names() {
        return Arrays.stream(values()).map(TrainingLoss::cliName).collect(Collectors.joining(", "));
    }

    public String cliName() {
        return cliName;
    }

    public boolean trains(boolean crossEncoder) {
        return crossEncoder ? crossEncoders : biEncoders;
    }

    /** True when the training and dev files are ranking groups rather than scored pairs. */
    public boolean readsRankingGroups() {
        return rankingGroups;
    }

    /** Hard negatives per relevant document when none are asked for (0 for pointwise, which draws none). */
    public int defaultNegatives() {
        return defaultNegatives;
    }
}
