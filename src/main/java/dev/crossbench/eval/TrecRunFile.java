package dev.crossbench.eval;

import dev.crossbench.data.AtomicFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run in TREC format ({@code qid Q0 docid rank score tag}), so trec_eval can check our numbers. */
public final class TrecRunFile {
    private TrecRunFile() {}

    public static void write(Path file, Map<String, List<ScoredDoc>> run, String tag) {
        String t = tag.replaceAll("\\s+", "_");
        AtomicFile.writeText(file, "the run", w -> {
            for (Map.Entry<String, List<ScoredDoc>> e : run.entrySet()) {
                List<String> ranked = IrMetrics.rank(e.getValue());
                Map<String, Double> score = new java.util.HashMap<>();
                e.getValue().forEach(d -> score.put(d.id(), d.score()));
                for (int i = 0; i < ranked.size(); i++) {
                    // %.9g keeps float32 scores distinct, so trec_eval sees the same ties we do.
                    w.write(String.format(Locale.ROOT, "%s Q0 %s %d %.9g %s%n", e.getKey(), ranked.get(i), i + 1,
                            score.get(ranked.get(i)), t));
                }
            }
        });
    }
}
