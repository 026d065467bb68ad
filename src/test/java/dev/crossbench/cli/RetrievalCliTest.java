package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retrieval commands on tiny inputs: bad inputs give one clear line; odd but usable ones a warning or note. */
class RetrievalCliTest {
    @TempDir
    Path dir;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private static void assertOneLineError(CliRun r, String... fragments) {
        r.assertOneLineError(fragments);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String[] eval(Path corpus, Path queries, Path qrels, String... more) {
        String[] base = {"eval-retrieval", "--bi", "all-MiniLM-L6-v2", "--engine", "onnxruntime", "--corpus", corpus.toString(),
            "--queries", queries.toString(), "--qrels", qrels.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private Path corpus() throws IOException {
        return write("corpus.jsonl", "{\"_id\":\"a\",\"title\":\"Mars\",\"text\":\"The red planet owes its colour to iron oxide.\"}\n"
                + "{\"_id\":\"b\",\"title\":\"Bread\",\"text\":\"Yeast makes dough rise.\"}\n"
                + "{\"_id\":\"c\",\"title\":\"Wi-Fi\",\"text\":\"Routers use 2.4 and 5 GHz bands.\"}\n");
    }

    @Test
    void qrelsNamingUnknownDocumentsGiveAWarningWithCounts() throws IOException {
        Path queries = write("q.tsv", "q1\twhy is mars red\nq2\thow does bread rise\n");
        Path qrels = write("r.tsv", "query-id\tcorpus-id\tscore\nq1\ta\t1\nq1\tzz\t1\nq2\tb\t1\nq2\tyy\t0\n");
        CliRun r = cli(eval(corpus(), queries, qrels, "--per-query", dir.resolve("pq.csv").toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning: " + qrels + ": 2 judgement(s) name 2 document id(s) not in the corpus"), r.out());
        assertTrue(r.out().contains("nDCG@10 x100"), r.out());
        assertTrue(Files.readString(dir.resolve("pq.csv")).startsWith("query_id,bi_nDCG@10,"));
    }

    @Test
    void duplicateDocumentIds() throws IOException {
        Path c = write("dup.jsonl", "{\"_id\":\"a\",\"text\":\"x\"}\n{\"_id\":\"a\",\"text\":\"y\"}\n");
        Path q = write("q.tsv", "q1\tx\n");
        Path r = write("r.tsv", "q1\ta\t1\n");
        assertOneLineError(cli(eval(c, q, r)), "dup.jsonl:2: duplicate document id 'a' (first on line 1)");
    }

    @Test
    void emptyCorpus() throws IOException {
        Path c = write("empty.jsonl", "\n");
        assertOneLineError(cli(eval(c, write("q.tsv", "q1\tx\n"), write("r.tsv", "q1\ta\t1\n"))), "empty.jsonl", "empty corpus");
    }

    @Test
    void queriesWithoutAnyMatchingJudgement() throws IOException {
        Path q = write("q.tsv", "1\twhy is mars red\n2\tbread\n");
        Path r = write("r.tsv", "query-id\tcorpus-id\tscore\nQ-1\ta\t1\n");
        assertOneLineError(cli(eval(corpus(), q, r)), "none of the 2 queries has a judgement", "'1', '2'", "'Q-1'");
    }

    @Test
    void sweepWithoutACrossEncoder() throws IOException {
        Path q = write("q.tsv", "q1\twhy is mars red\n");
        Path r = write("r.tsv", "q1\ta\t1\n");
        assertOneLineError(cli(eval(corpus(), q, r, "--sweep", "10,20")), "--sweep", "--cross");
    }

    @Test
    void kLargerThanTheCorpusIsClampedWithANote() throws IOException {
        CliRun r = cli("search", "--bi", "all-MiniLM-L6-v2", "--engine", "onnxruntime", "--corpus", corpus().toString(), "--k", "100",
                "why", "is", "mars", "red");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("note: K=100 is larger than the corpus (3 documents)"), r.out());
        assertTrue(r.out().contains("query: why is mars red"), r.out());
        String firstHit = r.out().lines().filter(l -> l.strip().startsWith("1 ")).findFirst().orElseThrow();
        assertTrue(firstHit.contains(" a ") && firstHit.contains("Mars The red planet"), firstHit);
    }
}
