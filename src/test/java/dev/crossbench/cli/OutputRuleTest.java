package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one rule for outputs (issue 11, defect 1): an output that is an input or another output is refused
 * before any work, with one line naming both, and the input is left untouched. No model is loaded: the
 * check comes first.
 */
class OutputRuleTest {
    @TempDir
    Path dir;

    private Path pairs;
    private Path texts;
    private Path corpus;
    private Path queries;
    private Path qrels;

    @BeforeEach
    void files() throws IOException {
        pairs = write("p.csv", "sentence1,sentence2,score\na,b,1\nc,d,2\n");
        texts = write("t.txt", "a\nb\n");
        corpus = write("corpus.jsonl", "{\"_id\":\"d1\",\"text\":\"x\"}\n");
        queries = write("queries.jsonl", "{\"_id\":\"q1\",\"text\":\"y\"}\n");
        qrels = write("qrels.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String s(Path p) {
        return p.toString();
    }

    private void assertUnchanged(Path file, String before) throws IOException {
        assertEquals(before, Files.readString(file), file + " must not be touched");
    }

    @Test
    void evalPairsJsonOverThePairsFile() throws IOException {
        String before = Files.readString(pairs);
        CliRun.of("eval-pairs", "--model", "all-MiniLM-L6-v2", "--pairs", s(pairs), "--json", s(pairs))
                .assertOneLineError("--json " + pairs, "same file as --pairs " + pairs);
        assertUnchanged(pairs, before);
    }

    @Test
    void encodeOutputOverItsInputOrJsonOverItsSidecar() throws IOException {
        CliRun.of("encode", "--model", "all-MiniLM-L6-v2", "--input", s(texts), "--output", s(texts))
                .assertOneLineError("--output " + texts, "--input " + texts);
        assertUnchanged(texts, "a\nb\n");
        Path npy = dir.resolve("e.npy");
        CliRun.of("encode", "--model", "all-MiniLM-L6-v2", "--input", s(texts), "--output", s(npy), "--json", npy + ".json")
                .assertOneLineError("--json " + npy + ".json", "sidecar");
    }

    @Test
    void evalRetrievalRunOverTheQrels() throws IOException {
        String before = Files.readString(qrels);
        CliRun.of("eval-retrieval", "--bi", "all-MiniLM-L6-v2", "--corpus", s(corpus), "--queries", s(queries),
                "--qrels", s(qrels), "--run", s(qrels)).assertOneLineError("--run " + qrels, "--qrels " + qrels);
        assertUnchanged(qrels, before);
        CliRun.of("eval-retrieval", "--bi", "all-MiniLM-L6-v2", "--corpus", s(corpus), "--queries", s(queries),
                "--qrels", s(qrels), "--json", s(dir.resolve("r.json")), "--per-query", s(dir.resolve("r.json")))
                .assertOneLineError("--per-query", "--json", "give each output its own name");
    }

    @Test
    void mineNegativesTwoOutputsOnOneFileOrOverTheQueries() throws IOException {
        Path x = dir.resolve("x.jsonl");
        String[] base = {"mine-negatives", "--bi", "all-MiniLM-L6-v2", "--corpus", s(corpus), "--queries", s(queries),
            "--qrels", s(qrels)};
        CliRun.of(concat(base, "--out", s(x), "--dev-out", s(x))).assertOneLineError("--dev-out " + x, "--out " + x);
        String before = Files.readString(queries);
        CliRun.of(concat(base, "--out", s(queries))).assertOneLineError("--out " + queries, "--queries " + queries);
        assertUnchanged(queries, before);
    }

    @Test
    void aPathSpelledDifferentlyOrThroughALinkIsStillTheSameFile() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), pairs);
        CliRun.of("eval-pairs", "--model", "m", "--pairs", s(pairs), "--json", s(link)).assertOneLineError("--json", "--pairs");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        CliRun.of("eval-pairs", "--model", "m", "--pairs", s(pairs), "--json", sub + "/../p.csv")
                .assertOneLineError("--json", "--pairs");
        Path hard = Files.createLink(dir.resolve("hard.csv"), pairs);
        CliRun.of("bench", "encode", "--model", "m", "--input", s(pairs), "--json", s(hard)).assertOneLineError("--json", "--input");
    }

    @Test
    void trainOutputFolderMayNotHoldItsTrainingData() throws IOException {
        CliRun.of("train", "cross", "--base", "all-MiniLM-L6-v2", "--train", s(pairs), "--dev", s(pairs), "--out", s(dir),
                "--overwrite").assertOneLineError("--out " + dir, "would replace the folder holding --train " + pairs);
        CliRun.of("train", "cross", "--base", "all-MiniLM-L6-v2", "--train", s(pairs), "--dev", s(pairs),
                "--out", s(dir.resolve("m")), "--json", s(pairs)).assertOneLineError("--json " + pairs, "--train " + pairs);
        assertEquals("sentence1,sentence2,score\na,b,1\nc,d,2\n", Files.readString(pairs));
    }

    @Test
    void benchAndSearchJsonOverTheirInputs() {
        CliRun.of("bench", "score", "--cross", "c", "--pairs", s(pairs), "--json", s(pairs)).assertOneLineError("--json", "--pairs");
        CliRun.of("bench", "index", "--bi", "m", "--corpus", s(corpus), "--json", s(corpus)).assertOneLineError("--json", "--corpus");
        CliRun.of("search", "--bi", "m", "--corpus", s(corpus), "--json", s(corpus), "q").assertOneLineError("--json", "--corpus");
    }

    @Test
    void unwritableTargetsAreRefusedBeforeAnyWork() throws IOException {
        Path under = dir.resolve("t.txt").resolve("r.json"); // a file cannot hold a file
        CliRun.of("eval-retrieval", "--bi", "no-such-model", "--corpus", s(corpus), "--queries", s(queries), "--qrels", s(qrels),
                "--per-query", s(under)).assertOneLineError("--per-query " + under, "cannot write there", "is not a folder");
        Path folder = Files.createDirectories(dir.resolve("out"));
        CliRun.of("encode", "--model", "no-such-model", "--input", s(texts), "--output", s(folder))
                .assertOneLineError("--output " + folder, "is a folder");
        try (var listing = Files.list(dir)) {
            assertEquals(0, listing.filter(p -> p.toString().endsWith(".tmp")).count(), "no temp file left");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
