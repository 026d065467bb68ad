package dev.crossbench.ui.workspace;

import dev.crossbench.app.DedupEvaluation;
import dev.crossbench.app.DedupResult;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.dedup.CandidatePair;
import dev.crossbench.dedup.Clusters;
import java.util.List;

/**
 * A deduplication run as the Dedup view holds it: the result with every candidate (so any threshold at or above
 * the candidate threshold can be applied without running the models again), and, when gold pairs were given,
 * their evaluation over a sweep of cosine thresholds (the chart) with the gold already matched to rows.
 *
 * @param input what was deduplicated, e.g. "pairs-test.csv (sentences)"
 * @param sweep null without gold
 */
public record DedupOutcome(String input, DedupResult result, DedupEvaluation sweep) {
    public boolean hasGold() {
        return sweep != null;
    }

    /** The counts against gold under a rule; null without gold. */
    public DedupEvaluation.Row at(AcceptRule rule) {
        return sweep == null ? null : DedupEvaluation.row(result, sweep.gold(), rule);
    }

    /** As {@link #at(AcceptRule)}, for the pairs and clusters the caller has already derived from the rule. */
    public DedupEvaluation.Row at(AcceptRule rule, List<CandidatePair> accepted,
            Clusters clusters) {
        return sweep == null ? null : DedupEvaluation.row(result, sweep.gold(), rule, accepted, clusters);
    }

    /** The lowest cosine threshold this run can apply. */
    public double lowestThreshold() {
        return result.settings().candidateThreshold();
    }
}
