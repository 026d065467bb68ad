package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many real files end without a final newline: their last line is read like any other (issue 11, defect 2). */
class NoFinalNewlineTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void pairsFileWithoutFinalNewline() throws IOException {
        PairDataset data = PairReader.read(file("p.csv", "sentence1,sentence2,score\na,b,1\nc,d,2"));
        assertEquals(2, data.size());
        assertEquals(new LabeledPair("c", "d", 2.0), data.get(1));
    }

    @Test
    void qrelsFileWithoutFinalNewline() throws IOException {
        Qrels qrels = QrelsReader.read(file("q.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t2"));
        assertEquals(Map.of("d2", 2), qrels.judgements("q2"));
    }

    @Test
    void corpusAndQueriesWithoutFinalNewline() throws IOException {
        assertEquals(2, CorpusReader.read(file("c.txt", "one\ntwo")).size());
        assertEquals(2, QueriesReader.read(file("q.jsonl",
                "{\"_id\":\"1\",\"text\":\"a\"}\n{\"_id\":\"2\",\"text\":\"b\"}")).size());
    }

    @Test
    void readingPastTheEndKeepsAnsweringNull() throws IOException {
        for (String content : new String[] {"x", "x\n", "x\r", "", "\uFEFF"}) {
            try (TextLines lines = TextLines.open(file("t.txt", content), 100)) {
                while (lines.next() != null) {
                    // drain
                }
                assertNull(lines.next(), content);
                assertNull(lines.next(), content);
            }
        }
    }
}
