package dev.crossbench.ui.export;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairDataset;
import dev.crossbench.report.DecisionReport;
import dev.crossbench.report.Table;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.workspace.DisagreementRow;
import dev.crossbench.ui.workspace.ModelPairResult;
import dev.crossbench.ui.workspace.PairComparison;
import dev.crossbench.ui.workspace.RunRecord;
import dev.crossbench.ui.workspace.TimingRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The workbench's tables as plain rows, for CSV files and the HTML report (full precision). */
public final class WorkbenchTables {
    private WorkbenchTables() {}

    public static List<Table> all(ExportSnapshot s) {
        List<Table> out = new ArrayList<>();
        if (s.pairs() != null) {
            out.add(pairs(s.pairs()));
        }
        if (s.comparison() != null) {
            out.add(correlations(s.comparison()));
            out.add(disagreements(s.comparison(), Integer.MAX_VALUE));
        }
        if (!s.timings().isEmpty()) {
            out.add(timings(s.timings()));
        }
        if (s.retrieval() != null) {
            out.addAll(RetrievalTables.all(s.retrieval()));
        }
        if (s.decision() != null) {
            out.add(DecisionReport.csv(s.decision()));
        }
        if (s.dedup() != null) {
            out.add(DedupReport.clusters(s.dedup(), s.dedupRule()));
            if (s.dedup().hasGold()) {
                out.add(DedupReport.thresholds(s.dedup().sweep()));
            }
        }
        if (!s.history().isEmpty()) {
            out.add(history(s.history()));
        }
        return out;
    }

    public static Table pairs(PairDataset data) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            LabeledPair p = data.get(i);
            rows.add(List.of(Integer.toString(i + 1), p.sentence1(), p.sentence2(), num(p.score())));
        }
        return new Table("pairs", List.of("pair", "sentence1", "sentence2", "gold"), rows);
    }

    public static Table correlations(PairComparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelPairResult r : c.models()) {
            rows.add(List.of(r.name(), r.result().engine(), r.function(), num(r.pearson()), num(r.intervals().pearson().low()),
                    num(r.intervals().pearson().high()), num(r.spearman()), num(r.intervals().spearman().low()),
                    num(r.intervals().spearman().high()), Integer.toString(r.result().uniqueSentences()),
                    num(r.result().sentencesPerSecond()), r.kind().label()));
        }
        // For a cross-encoder the last two count pairs scored, as eval-pairs --json's pairsPerSecond.
        return new Table("correlations", List.of("model", "engine", "similarity", "pearson", "pearson_ci_low", "pearson_ci_high",
                "spearman", "spearman_ci_low", "spearman_ci_high", "unique_sentences", "sentences_per_second", "kind"), rows);
    }

    public static Table disagreements(PairComparison c, int limit) {
        List<String> header = new ArrayList<>(List.of("pair", "gold"));
        header.addAll(c.modelNames());
        header.addAll(List.of("gap_vs_gold", "gap_between_models", "sentence1", "sentence2"));
        List<List<String>> rows = new ArrayList<>();
        for (DisagreementRow d : c.disagreements().subList(0, Math.min(limit, c.disagreements().size()))) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(d.number()), num(d.pair().score())));
            for (double p : d.predicted()) {
                row.add(num(p));
            }
            row.addAll(List.of(num(d.goldGap()), num(d.modelGap()), d.pair().sentence1(), d.pair().sentence2()));
            rows.add(row);
        }
        return new Table("disagreements", header, rows);
    }

    public static Table timings(List<TimingRow> timings) {
        List<List<String>> rows = new ArrayList<>();
        for (TimingRow t : timings) {
            rows.add(List.of(t.model(), t.engine(), t.stage(), Integer.toString(t.batchSize()), Integer.toString(t.texts()),
                    num(t.sentencesPerSecond()), num(t.tokensPerSecond()), num(t.medianMillis()), num(t.p95Millis()),
                    num(t.crossOverBiEncode()), num(t.crossOverBiIndexed()), t.versus() == null ? "" : t.versus()));
        }
        // texts: texts encoded, pairs scored, or candidates K of a rerank row; texts_per_second likewise.
        return new Table("timing", List.of("model", "engine", "stage", "batch_size", "texts", "texts_per_second",
                "tokens_per_second", "median_ms", "p95_ms", "cross_over_bi_encode", "cross_over_bi_indexed", "versus"), rows);
    }

    public static Table history(List<RunRecord> history) {
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : history) {
            rows.add(List.of(r.started().toString(), r.task(), String.format(Locale.ROOT, "%.3f", r.seconds()), r.outcome()));
        }
        return new Table("history", List.of("started", "task", "seconds", "outcome"), rows);
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "" : Double.toString(v);
    }

    /** Short human form, for the report's tables: decimals to 3 places, whole numbers and text as they are. */
    static String shortNum(String cell) {
        if (cell.matches("-?[0-9]+")) {
            return cell;
        }
        try {
            return Formats.score(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return cell;
        }
    }
}
