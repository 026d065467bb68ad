package dev.crossbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decide} on bad input: one clear line each, before any model is loaded (each case fails while checking
 * its arguments or reading the files).
 */
class DecideCliTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private CliRun decide(String... more) throws IOException {
        return decideWith(write("r.tsv", "query-id\tcorpus-id\tscore\nq1\ta\t1\nq2\tb\t1\n"), more);
    }

    private CliRun decideWith(Path qrels, String... more) throws IOException {
        Path corpus = write("corpus.jsonl", "{\"_id\":\"a\",\"text\":\"The red planet owes its colour to iron oxide.\"}\n"
                + "{\"_id\":\"b\",\"text\":\"Yeast makes dough rise.\"}\n");
        Path queries = write("q.tsv", "q1\twhy is mars red\nq2\thow does bread rise\n");
        String[] base = {"decide", "--bi", "all-MiniLM-L6-v2", "--cross", "crossbench-reranker-MiniLM-L6", "--corpus", corpus.toString(),
            "--queries", queries.toString(), "--qrels", qrels.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void aBudgetThatIsNotADuration() throws IOException {
        decide("--latency-budget", "fast").assertOneLineError("latency budget 'fast' is not a duration: write e.g. 50ms, 500ms or 5s");
    }

    @Test
    void aBudgetWithoutAUnit() throws IOException {
        decide("--latency-budget", "200").assertOneLineError("latency budget '200' needs a unit: 200ms or 200s");
    }

    @Test
    void zeroAndNegativeBudgets() throws IOException {
        decide("--latency-budget", "0ms").assertOneLineError("latency budget '0ms' must be above zero");
        decide("--latency-budget=-5ms").assertOneLineError("latency budget '-5ms' must be above zero");
    }

    @Test
    void aCorpusSizeBelowOne() throws IOException {
        decide("--latency-budget", "50ms", "--corpus-size", "0").assertOneLineError("corpus size '0' must be at least 1 document");
        decide("--latency-budget", "50ms", "--corpus-size", "a lot").assertOneLineError("corpus size 'a lot' is not a number of documents");
    }

    @Test
    void queriesThatNoJudgementMatches() throws IOException {
        Path other = write("other.tsv", "query-id\tcorpus-id\tscore\nQ-9\ta\t1\n");
        decideWith(other, "--latency-budget", "50ms")
                .assertOneLineError("none of the 2 queries has a judgement", "'q1', 'q2'", "'Q-9'");
    }

    @Test
    void anOutputOverAnInput() throws IOException {
        Path qrels = dir.resolve("r.tsv");
        decide("--latency-budget", "50ms", "--html", qrels.toString()).assertOneLineError("--html " + qrels, "same file as --qrels");
    }

    @Test
    void theIndexOptionDoesNotApply() throws IOException {
        decide("--latency-budget", "50ms", "--index", "hnsw").assertOneLineError("--index does not apply to decide");
    }
}
