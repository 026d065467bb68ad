package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run file trec_eval reads: {@code qid Q0 docid rank score tag}, one line per retrieved document. */
class TrecRunFileTest {
    @TempDir
    Path dir;

    @Test
    void linesAreInTrecOrderWithRanksFromOne() throws Exception {
        Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
        // Given out of order, with a tie between d10 and d3 (trec_eval breaks it by docid descending: d3 first).
        run.put("q2", List.of(new ScoredDoc("d10", 0.5), new ScoredDoc("d1", 0.25), new ScoredDoc("d3", 0.5),
                new ScoredDoc("d7", 0.875)));
        run.put("q1", List.of(new ScoredDoc("x", -1.5)));
        Path f = dir.resolve("run.txt");
        TrecRunFile.write(f, run, "my run\tv2");
        assertEquals(List.of(
                "q2 Q0 d7 1 0.875000000 my_run_v2",
                "q2 Q0 d3 2 0.500000000 my_run_v2",
                "q2 Q0 d10 3 0.500000000 my_run_v2",
                "q2 Q0 d1 4 0.250000000 my_run_v2",
                "q1 Q0 x 1 -1.50000000 my_run_v2"), Files.readAllLines(f, StandardCharsets.UTF_8));
    }

    @Test
    void neighbouringFloatScoresStayDistinct() throws Exception {
        // A bi-encoder's float32 cosine: one ulp apart must not print as a tie, or trec_eval would reorder by id.
        float a = 0.8123456f;
        float b = Math.nextUp(a);
        Path f = dir.resolve("run.txt");
        TrecRunFile.write(f, Map.of("q", List.of(new ScoredDoc("a", a), new ScoredDoc("b", b))), "t");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals("q Q0 b 1", lines.get(0).substring(0, 8));
        String[] first = lines.get(0).split(" ");
        String[] second = lines.get(1).split(" ");
        assertNotEquals(first[4], second[4]);
        assertEquals(b, Float.parseFloat(first[4]));
        assertEquals(a, Float.parseFloat(second[4]));
        assertEquals(6, first.length);
    }
}
