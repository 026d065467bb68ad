package dev.crossbench.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.report.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @Test
    void quotesOnlyWhatNeedsIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        CsvWriter.write(new Table("t", List.of("a", "b"), List.of(List.of("plain", "with, comma"),
                List.of("say \"hi\"", "two\nlines"))), f);
        assertEquals("a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n", Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void writtenFilesReadBackAsPairs(@TempDir Path dir) {
        Path f = dir.resolve("pairs.csv");
        CsvWriter.write(new Table("pairs", List.of("sentence1", "sentence2", "score"),
                List.of(List.of("A, with comma", "B \"quoted\"", "4.5"))), f);
        var data = dev.crossbench.data.PairReader.read(f);
        assertEquals("A, with comma", data.get(0).sentence1());
        assertEquals("B \"quoted\"", data.get(0).sentence2());
        assertEquals(4.5, data.get(0).score());
    }
}
