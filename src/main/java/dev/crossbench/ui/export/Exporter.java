package dev.crossbench.ui.export;

import dev.crossbench.report.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;

/** Writes charts as PNG files and tables as CSV files into a folder; returns what it wrote. */
public final class Exporter {
    private Exporter() {}

    public static List<Path> chartsToPng(ExportSnapshot s, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (WorkbenchCharts.NamedChart c : WorkbenchCharts.all(s)) {
                Path f = dir.resolve(c.fileName() + ".png");
                ChartUtils.saveChartAsPNG(f.toFile(), c.chart(), c.width(), c.height());
                written.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write charts to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    public static List<Path> tablesToCsv(ExportSnapshot s, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        for (Table t : WorkbenchTables.all(s)) {
            Path f = dir.resolve(t.name() + ".csv");
            CsvWriter.write(t, f);
            written.add(f);
        }
        return written;
    }
}
