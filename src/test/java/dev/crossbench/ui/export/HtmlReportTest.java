package dev.crossbench.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.PairDataset;
import dev.crossbench.ui.workspace.PairComparison;
import dev.crossbench.ui.workspace.RunRecord;
import dev.crossbench.ui.workspace.SyntheticResults;
import dev.crossbench.ui.workspace.TimingRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports from a snapshot, without any window. */
class HtmlReportTest {
    private static ExportSnapshot snapshot() {
        PairDataset data = SyntheticResults.pairs(0, 1, 2, 3, 4, 5);
        var m = SyntheticResults.model("model <a>", data, 0.1, 0.2, 0.4, 0.3, 0.8, 0.9);
        PairComparison c = PairComparison.of(data, List.of(m));
        List<TimingRow> timings = List.of(new TimingRow("model <a>", "test", TimingRow.ENCODE, 32, 100, 250.0, 4000.0, null, null),
                new TimingRow("model <a>", "test", TimingRow.QUERY, 1, 40, null, null, 4.2, 9.5));
        return new ExportSnapshot(data, c, List.of(m.spec()), timings,
                List.of(new RunRecord(LocalDateTime.now(), "Compare 1 model on synthetic", 1.5, "done")), null);
    }

    @Test
    void reportHasMetricsChartsAndEscapedNames(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.html");
        HtmlReport.write(snapshot(), f);
        String html = Files.readString(f);
        assertTrue(html.contains("model &lt;a&gt;") && !html.contains("model <a>"), "names are escaped");
        assertTrue(html.contains("Spearman ρ"));
        assertTrue(html.split("data:image/png;base64,").length >= 5, "scatter, histograms and timing charts inlined");
        assertTrue(html.contains("not detected yet"), "says when the device is unknown");
        assertTrue(html.contains("encode one query"));
        assertTrue(java.util.regex.Pattern.compile("<tr><td>[0-9]+</td><td>[0-9]\\.[0-9]{3}</td>").matcher(html).find(),
                "pair numbers stay whole, scores get 3 decimals");
    }

    @Test
    void tablesAndChartsGoToFiles(@TempDir Path dir) throws Exception {
        ExportSnapshot s = snapshot();
        List<Path> csv = Exporter.tablesToCsv(s, dir.resolve("csv"));
        assertEquals(List.of("pairs.csv", "correlations.csv", "disagreements.csv", "timing.csv", "history.csv"),
                csv.stream().map(p -> p.getFileName().toString()).toList());
        List<String> corr = Files.readAllLines(dir.resolve("csv").resolve("correlations.csv"));
        double spearman = Double.parseDouble(corr.get(1).split(",")[6]);
        assertEquals(s.comparison().models().get(0).spearman(), spearman, 0.0, "full precision in CSV");
        List<Path> png = Exporter.chartsToPng(s, dir.resolve("png"));
        assertEquals(List.of("scatter-model_a_.png", "histogram-model_a_.png", "histogram-gold.png", "timing-throughput.png",
                "timing-latency.png"), png.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : png) {
            assertTrue(Files.size(p) > 2000, p + " has content");
        }
    }
}
