package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input gives exit code 1 and one clear line naming the file, line or field; no stack trace. */
class CliBadInputTest {
    @TempDir
    Path dir;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private static void assertOneLineError(CliRun r, String... fragments) {
        r.assertOneLineError(fragments);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void missingPairsFile() {
        Path p = dir.resolve("nope.csv");
        assertOneLineError(cli("eval-pairs", "--model", "all-MiniLM-L6-v2", "--pairs", p.toString()), "nope.csv", "not found");
    }

    @Test
    void emptyPairsFile() throws IOException {
        Path p = write("empty.csv", "");
        assertOneLineError(cli("eval-pairs", "--model", "all-MiniLM-L6-v2", "--pairs", p.toString()), "empty.csv", "empty");
    }

    @Test
    void rowWithTooFewColumns() throws IOException {
        Path p = write("short.csv", "sentence1,sentence2,score\na,b,1.0\nonly one,2.5\n");
        assertOneLineError(cli("eval-pairs", "--model", "all-MiniLM-L6-v2", "--pairs", p.toString()), "short.csv:3");
    }

    @Test
    void nonNumericScore() throws IOException {
        Path p = write("bad.tsv", "sentence1\tsentence2\tscore\na\tb\t1\nc\td\thigh\n");
        assertOneLineError(cli("eval-pairs", "--model", "all-MiniLM-L6-v2", "--pairs", p.toString()), "bad.tsv:3", "high");
    }

    @Test
    void unknownModelName() throws IOException {
        Path p = write("ok.csv", "sentence1,sentence2,score\na,b,1\nc,d,2\n");
        assertOneLineError(cli("eval-pairs", "--model", "no-such-model", "--pairs", p.toString()), "no-such-model", "all-MiniLM-L6-v2");
    }

    @Test
    void modelFolderWithoutWeights() throws IOException {
        Path model = Files.createDirectories(dir.resolve("empty-model"));
        Files.writeString(model.resolve("config.json"), "{}");
        Files.writeString(model.resolve("tokenizer.json"), "{}");
        Path p = write("ok.csv", "sentence1,sentence2,score\na,b,1\nc,d,2\n");
        assertOneLineError(cli("eval-pairs", "--model", model.toString(), "--pairs", p.toString()), "empty-model", "weights");
    }

    @Test
    void folderWithOnlyPickleWeights() throws IOException {
        Path model = Files.createDirectories(dir.resolve("pickle-model"));
        Files.writeString(model.resolve("config.json"), "{}");
        Files.writeString(model.resolve("tokenizer.json"), "{}");
        Files.write(model.resolve("pytorch_model.bin"), new byte[] {1, 2, 3});
        Path p = write("ok.csv", "sentence1,sentence2,score\na,b,1\nc,d,2\n");
        assertOneLineError(cli("eval-pairs", "--model", model.toString(), "--pairs", p.toString()), "pytorch_model.bin", "pickle");
    }

    @Test
    void missingInputForEncode() {
        assertOneLineError(cli("encode", "--model", "all-MiniLM-L6-v2", "--input", dir.resolve("x.txt").toString(),
                "--output", dir.resolve("o.npy").toString()), "x.txt", "not found");
    }

    /** The hub settings come from the environment, so these run the CLI in a child JVM. */
    private CliRun childCli(java.util.Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.crossbench.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child CLI timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        // Keep only our own lines (library loggers may print to stderr in a bare JVM).
        String ours = err.lines().filter(l -> l.startsWith("error:") || l.startsWith("internal")).reduce("", (a, b) -> a + b + "\n");
        return new CliRun(p.exitValue(), out, ours);
    }

    @Test
    void hubRepoThatDoesNotExist() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            Path p = write("ok.csv", "sentence1,sentence2,score\na,b,1\nc,d,2\n");
            CliRun r = childCli(java.util.Map.of("HF_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "HF_HUB_CACHE", dir.resolve("hub").toString()),
                    "eval-pairs", "--model", "nobody/no-such-model", "--pairs", p.toString());
            assertOneLineError(r, "nobody/no-such-model");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreachableHub() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path p = write("ok.csv", "sentence1,sentence2,score\na,b,1\nc,d,2\n");
        CliRun r = childCli(java.util.Map.of("HF_ENDPOINT", "http://127.0.0.1:" + closedPort,
                "HF_HUB_CACHE", dir.resolve("hub").toString()),
                "eval-pairs", "--model", "org/model", "--pairs", p.toString());
        assertOneLineError(r, "org/model", "not in the Hugging Face cache", "HF_HOME"); // offline mode would not find it either
    }
}
