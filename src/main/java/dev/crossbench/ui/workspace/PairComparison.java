package dev.crossbench.ui.workspace;

import dev.crossbench.data.PairDataset;
import dev.crossbench.eval.RankDisagreement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The models' scores on one pair data set, and the pairs ordered by how much they disagree with gold. */
public record PairComparison(PairDataset data, List<ModelPairResult> models, List<DisagreementRow> disagreements,
        LocalDateTime finishedAt) {

    public PairComparison {
        models = List.copyOf(models);
        disagreements = List.copyOf(disagreements);
    }

    public static PairComparison of(PairDataset data, List<ModelPairResult> models) {
        return at(data, models, LocalDateTime.now());
    }

    /**
     * A comparison finished earlier (a saved session), put back without running the models: only the
     * disagreement rows are derived again from the saved scores. Fails when the scores do not fit the pairs.
     */
    public static PairComparison restored(PairDataset data, List<ModelPairResult> models, LocalDateTime finishedAt) {
        for (ModelPairResult m : models) {
            if (m.predicted().length != data.size()) {
                throw new IllegalArgumentException(m.name() + " has " + m.predicted().length + " saved scores for "
                        + data.size() + " pairs");
            }
        }
        return at(data, models, finishedAt);
    }

    private static PairComparison at(PairDataset data, List<ModelPairResult> models, LocalDateTime finishedAt) {
        double[] gold = data.scores();
        int n = data.size();
        double[][] predicted = new double[models.size()][];
        double[][] goldGaps = new double[models.size()][];
        for (int m = 0; m < models.size(); m++) {
            predicted[m] = models.get(m).predicted();
            goldGaps[m] = RankDisagreement.gaps(gold, predicted[m]);
        }
        double[] modelGap = new double[n];
        for (int a = 0; a < models.size(); a++) {
            for (int b = a + 1; b < models.size(); b++) {
                double[] g = RankDisagreement.gaps(predicted[a], predicted[b]);
                for (int i = 0; i < n; i++) {
                    modelGap[i] = Math.max(modelGap[i], g[i]);
                }
            }
        }
        List<DisagreementRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] scores = new double[models.size()];
            double worst = 0;
            for (int m = 0; m < models.size(); m++) {
                scores[m] = predicted[m][i];
                worst = Math.max(worst, goldGaps[m][i]);
            }
            rows.add(new DisagreementRow(i, data.get(i), scores, worst, modelGap[i]));
        }
        rows.sort(Comparator.comparingDouble(DisagreementRow::goldGap).reversed()
                .thenComparing(Comparator.comparingDouble(DisagreementRow::modelGap).reversed()));
        return new PairComparison(data, models, rows, finishedAt);
    }

    public List<String> modelNames() {
        return models.stream().map(ModelPairResult::name).toList();
    }
}
