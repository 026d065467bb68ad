package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbench.testutil.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `crossbench dedup`: every bad input is one line naming the file, line or option; inputs with nothing to compare
 * give a correct result without loading a model; one real run on 40 STS-B test pairs writes both files and the
 * gold table.
 */
class DedupCliTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static CliRun dedup(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "dedup";
        all[1] = "--model";
        all[2] = "all-MiniLM-L6-v2";
        all[3] = "--engine";
        all[4] = "onnxruntime";
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRun.of(all);
    }

    @Test
    void badInputIsOneLine() throws IOException {
        Path texts = write("texts.txt", "first text\nsecond text\n");
        dedup("--input", dir.resolve("missing.txt").toString()).assertOneLineError("missing.txt", "not found");
        dedup("--input", write("empty.txt", "").toString()).assertOneLineError("empty.txt", "empty");
        dedup("--input", write("gap.txt", "one\n\nthree\n").toString()).assertOneLineError("gap.txt:2", "empty line");
        dedup("--input", write("c.csv", "id,text\n1,a\n2,b,c\n").toString()).assertOneLineError("c.csv:3", "3 fields");
        dedup("--input", write("d.jsonl", "{\"_id\":\"1\",\"text\":\"a\"}\n{\"_id\":\"1\",\"text\":\"b\"}\n").toString())
                .assertOneLineError("d.jsonl:2", "duplicate document id '1'");
        dedup("--input", texts.toString(), "--threshold", "1.5").assertOneLineError("threshold 1.5", "[-1, 1]");
        dedup("--input", texts.toString(), "--threshold", "NaN").assertOneLineError("threshold NaN");
        dedup("--input", texts.toString(), "--cross-threshold", "1.2").assertOneLineError("cross threshold 1.2", "[0, 1]");
        dedup("--input", texts.toString(), "--top-k", "0").assertOneLineError("top-k", "0");
        dedup("--input", texts.toString(), "--gold", texts.toString(), "--sweep", "0.8,2").assertOneLineError("threshold 2.0");
        dedup("--input", texts.toString(), "--index", "lsh").assertOneLineError("unknown index 'lsh'");
        dedup("--input", texts.toString(), "--pairs-out", texts.toString()).assertOneLineError("--pairs-out", "--input",
                "refusing to overwrite an input");
        dedup("--input", texts.toString(), "--pairs-out", dir.resolve("o.csv").toString(), "--clusters-out",
                dir.resolve("o.csv").toString()).assertOneLineError("--clusters-out", "give each output its own name");
        dedup("--input", texts.toString(), "--gold", write("g.csv", "id1,id2,is_duplicate\n1,2,1\n1,2,maybe\n").toString())
                .assertOneLineError("g.csv:3", "label 'maybe'", "is_duplicate");
        dedup("--input", texts.toString(), "--gold", write("h.csv", "a,b\nx,y\n").toString())
                .assertOneLineError("h.csv:1", "no column for");
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    @Test
    void oneTextAndIdenticalTextsNeedNoModel() throws IOException {
        CliRun one = CliRun.of("dedup", "--model", "no-such-model", "--input", write("one.txt", "alone\n").toString());
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("one text: nothing to compare"), one.out());
        assertTrue(one.out().contains("comparisons: 0 of 0 pairs"), one.out());

        Path pairs = dir.resolve("p.csv");
        Path clusters = dir.resolve("c.jsonl");
        CliRun same = CliRun.of("dedup", "--model", "no-such-model", "--input", write("same.txt", "x\nx\nx\n").toString(),
                "--pairs-out", pairs.toString(), "--clusters-out", clusters.toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("all texts are identical"), same.out());
        assertTrue(same.out().contains("0 pairs of distinct texts + 2 exact copies"), same.out());
        assertEquals(List.of("id1,id2,text1,text2,bi_score", "1,2,x,x,1.000000", "1,3,x,x,1.000000"), Files.readAllLines(pairs));
        List<String> c = Files.readAllLines(clusters);
        assertEquals(1, c.size());
        JsonObject o = JsonParser.parseString(c.get(0)).getAsJsonObject();
        assertEquals(3, o.get("size").getAsInt());
        assertEquals("[\"1\",\"2\",\"3\"]", o.get("ids").toString());
    }

    @Test
    void stsbSentencesWithGold() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.stsb("test"), StandardCharsets.UTF_8).subList(0, 40);
        Path sts = Files.write(dir.resolve("sts40.tsv"), lines, StandardCharsets.UTF_8);
        Path pairs = dir.resolve("pairs.csv");
        Path clusters = dir.resolve("clusters.jsonl");
        Path json = dir.resolve("report.json");
        CliRun r = dedup("--input-pairs", sts.toString(), "--gold", sts.toString(), "--pairs-out", pairs.toString(),
                "--clusters-out", clusters.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("72 texts, 72 distinct"), r.out());
        assertTrue(r.out().contains("comparisons: 2,556 of 2,556 pairs of texts"), r.out());
        assertTrue(r.out().contains("cosine >= 0.70: 50 pairs"), r.out());
        assertTrue(r.out().contains("duplicates (cosine >= 0.85): 19 pairs"), r.out());
        assertTrue(r.out().contains("13 of 2+ texts, largest 3"), r.out());
        assertTrue(r.out().contains("10 of 40 rows are duplicates (score >= 4.0)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("cosine >= 0\\.85 +19 +47\\.37 +90\\.00 +62\\.07 +9 +100\\.00 .*")), r.out());
        List<String> csv = Files.readAllLines(pairs);
        assertEquals("id1,id2,text1,text2,bi_score", csv.get(0));
        assertEquals(20, csv.size());
        assertTrue(csv.contains("s21,s22,A man is cutting an onion.,A man cuts an onion.," + csv.stream()
                .filter(l -> l.startsWith("s21,s22,")).findFirst().orElseThrow().split(",")[4]));
        assertEquals(13, Files.readAllLines(clusters).size());
        JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(2556, j.get("comparisons").getAsLong());
        assertEquals(19, j.get("acceptedPairs").getAsInt());
        assertEquals(10, j.getAsJsonObject("gold").get("goldPairs").getAsInt());
    }
}
