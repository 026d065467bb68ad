package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbench.testutil.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gold duplicates: id pairs (with or without a 0/1 label) or labeled text pairs above a score. */
class GoldPairsReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void idPairsWithoutLabelAreAllDuplicates() throws IOException {
        GoldPairs g = GoldPairsReader.read(write("g.csv", "id1,id2\na,b\n\"c,1\",d\n"), 4.0);
        assertEquals(GoldPairs.Kind.IDS, g.kind());
        assertEquals(List.of(new GoldPairs.Pair("a", "b"), new GoldPairs.Pair("c,1", "d")), g.pairs());
        assertNull(g.judged());
        assertEquals("every row", g.rule());
    }

    @Test
    void quoraStyleLabelsPickTheDuplicates() throws IOException {
        GoldPairs g = GoldPairsReader.read(write("q.tsv",
                "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate\n0\t1\t2\ta?\tb?\t0\n1\t3\t4\tc?\td?\t1\n"), 4.0);
        assertEquals(List.of(new GoldPairs.Pair("3", "4")), g.pairs());
        assertEquals(2, g.judged().size());
        assertEquals("is_duplicate = 1", g.rule());
    }

    @Test
    void labeledPairsAboveTheMinimumScore() {
        GoldPairs g = GoldPairsReader.read(SharedData.stsb("test"), 4.0);
        assertEquals(GoldPairs.Kind.TEXTS, g.kind());
        assertEquals(1379, g.rows());
        assertEquals(1379, g.judged().size());
        assertEquals(338, g.pairs().size());
        assertEquals(new GoldPairs.Pair("One woman is measuring another woman's ankle.", "A woman measures another woman's ankle."),
                g.pairs().get(0));
    }

    @Test
    void badRowsNameFileAndLine() throws IOException {
        Path blank = write("b.csv", "id1,id2\na,\n");
        assertEquals(blank + ":2: empty id (field 'id2')",
                assertThrows(DataFormatException.class, () -> GoldPairsReader.read(blank, 4)).getMessage());
        Path fields = write("f.tsv", "id1\tid2\na\tb\tc\n");
        assertEquals(fields + ":2: 3 fields, the header has 2 (a tab inside a field?)",
                assertThrows(DataFormatException.class, () -> GoldPairsReader.read(fields, 4)).getMessage());
        Path header = write("h.csv", "id1,id2\n");
        assertEquals(header + ":1: no pairs: the file has a header but no rows",
                assertThrows(DataFormatException.class, () -> GoldPairsReader.read(header, 4)).getMessage());
        Path empty = write("e.csv", "");
        assertEquals(empty + ": no pairs: the file is empty",
                assertThrows(DataFormatException.class, () -> GoldPairsReader.read(empty, 4)).getMessage());
    }
}
