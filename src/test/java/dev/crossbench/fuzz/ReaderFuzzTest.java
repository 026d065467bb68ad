package dev.crossbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.CorpusReader;
import dev.crossbench.data.PairReader;
import dev.crossbench.data.QrelsReader;
import dev.crossbench.data.QueriesReader;
import dev.crossbench.data.RankingGroupFile;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.bert.BertWeights;
import dev.crossbench.model.onnx.OnnxModelReader;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs for every reader and loader of user files (issue 11). The invariant: a result, or a
 * {@link CrossbenchException} whose message is one line naming the file; never another exception type,
 * an OutOfMemoryError or a hang (each case runs under a timeout).
 *
 * <p>The default run is a seeded slice ({@value #DEFAULT_CASES} cases per target, a few seconds). A longer
 * campaign: {@code -Dcrossbench.fuzz.cases=N} cases per target, or {@code -Dcrossbench.fuzz.minutes=M} split
 * evenly over the targets, with {@code -Dcrossbench.fuzz.seed=S} to start from another seed. A failure names the
 * seed and case, so it reproduces.
 */
class ReaderFuzzTest {
    static final int DEFAULT_CASES = 200;
    /** Targets fuzzed (files named in the tests below): a time budget is split evenly over them. */
    private static final int TARGETS = 15;
    private static final Duration PER_CASE = Duration.ofSeconds(10);
    private static final long SEED = Long.getLong("crossbench.fuzz.seed", 20261101L);

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pairFiles() {
        fuzz("pairs.csv", utf8("sentence1,sentence2,score\n\"a, b\",c,1.5\nd,\"e \"\"f\"\"\",0\n"), PairReader::read);
        fuzz("pairs.tsv", utf8("main\tMSRvid\t2012\t0001\t5.000\tA man plays.\tA man is playing.\n"
                + "main\tMSRvid\t2012\t0002\t0.5\tA cat.\tThe sky.\textra\n"), PairReader::read);
        fuzz("pairs.jsonl", utf8("{\"sentence1\":\"a\",\"sentence2\":\"b\",\"score\":1}\n{\"query\":\"q\",\"passage\":\"p\",\"label\":0}\n"),
                PairReader::read);
    }

    @Test
    void retrievalFiles() {
        fuzz("corpus.jsonl", utf8("{\"_id\":\"d1\",\"title\":\"T\",\"text\":\"one\"}\n{\"_id\":\"d2\",\"text\":\"two\"}\n"),
                CorpusReader::read);
        fuzz("corpus.tsv", utf8("id\ttitle\ttext\nd1\tT\tone\nd2\t\ttwo\n"), CorpusReader::read);
        fuzz("corpus.txt", utf8("first document\nsecond document\n"), CorpusReader::read);
        fuzz("queries.jsonl", utf8("{\"_id\":\"q1\",\"text\":\"what\"}\n{\"_id\":\"q2\",\"text\":\"why\"}\n"), QueriesReader::read);
        fuzz("queries.tsv", utf8("q1\twhat\nq2\twhy\n"), QueriesReader::read);
        fuzz("qrels.tsv", utf8("query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t2\n"), QrelsReader::read);
        fuzz("qrels.txt", utf8("q1 0 d1 1\nq2 Q0 d2 0\n"), QrelsReader::read);
        fuzz("groups.jsonl", utf8("{\"query_id\":\"q1\",\"query\":\"q\",\"positives\":[\"a\"],\"negatives\":[\"b\",\"c\"]}\n"),
                RankingGroupFile::read);
    }

    @Test
    void modelConfig() {
        fuzz("config.json", utf8("{\"model_type\":\"bert\",\"vocab_size\":30522,\"hidden_size\":384,\"num_hidden_layers\":6,"
                + "\"num_attention_heads\":12,\"intermediate_size\":1536,\"max_position_embeddings\":512,"
                + "\"type_vocab_size\":2,\"layer_norm_eps\":1e-12,\"hidden_act\":\"gelu\",\"num_labels\":1}"), BertConfig::read);
    }

    @Test
    void safetensorsHeadersAndData() throws IOException {
        Path valid = dir.resolve("seed.safetensors");
        SafeTensors.write(valid, List.of(new FloatTensor("embeddings.LayerNorm.weight", new long[] {384}, new float[384]),
                new FloatTensor("embeddings.token_type_embeddings.weight", new long[] {2, 384}, new float[768]),
                new FloatTensor("classifier.bias", new long[] {1}, new float[] {0.5f})), Map.of("format", "pt"));
        byte[] seed = Files.readAllBytes(valid);
        BertConfig config = BertConfig.miniLm(6);
        fuzz("model.safetensors", seed, file -> BertWeights.read(file, config));
        fuzz("plain.safetensors", seed, SafeTensors::read);
    }

    @Test
    void onnxProtobuf() {
        // A ModelProto with a graph holding one named float initializer (hand-encoded protobuf).
        byte[] tensor = {0x08, 0x02, 0x10, 0x01, 0x42, 0x01, 'w', 0x4a, 0x08, 0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40};
        byte[] graph = new byte[2 + tensor.length];
        graph[0] = 0x2a; // GraphProto.initializer = 5, length-delimited
        graph[1] = (byte) tensor.length;
        System.arraycopy(tensor, 0, graph, 2, tensor.length);
        byte[] model = new byte[4 + graph.length];
        model[0] = 0x08; // ir_version = 8
        model[1] = 0x08;
        model[2] = 0x3a; // ModelProto.graph = 7
        model[3] = (byte) graph.length;
        System.arraycopy(graph, 0, model, 4, graph.length);
        fuzz("model.onnx", model, OnnxModelReader::read);
    }

    /** Runs the cases for one target: the seed itself first, then mutations of it, for a count or a time budget. */
    private void fuzz(String name, byte[] seed, Consumer<Path> reader) {
        Integer cases = Integer.getInteger("crossbench.fuzz.cases", System.getProperty("crossbench.fuzz.minutes") == null
                ? DEFAULT_CASES : Integer.MAX_VALUE);
        double minutes = Double.parseDouble(System.getProperty("crossbench.fuzz.minutes", "0"));
        long deadline = minutes > 0 ? System.nanoTime() + (long) (minutes * 60e9 / TARGETS) : Long.MAX_VALUE;
        Random random = new Random(SEED ^ name.hashCode());
        Path file = dir.resolve(name);
        int c = 0;
        for (; c < cases && System.nanoTime() < deadline; c++) {
            byte[] input = c == 0 ? seed : Mutator.mutate(seed, random);
            String where = name + " case " + c + " (seed " + SEED + ")";
            try {
                Files.write(file, input);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertTimeoutPreemptively(PER_CASE, () -> check(reader, file, where), where + ": hang");
        }
        System.out.println("fuzz " + name + ": " + c + " cases");
    }

    private static void check(Consumer<Path> reader, Path file, String where) {
        try {
            reader.accept(file);
        } catch (CrossbenchException e) {
            String m = String.valueOf(e.getMessage());
            assertFalse(m.contains("\n") || m.contains("\r"), where + ": message is not one line: " + m);
            assertTrue(m.contains(file.getFileName().toString()), where + ": message does not name the file: " + m);
        } catch (OutOfMemoryError e) {
            fail(where + ": OutOfMemoryError", e);
        } catch (RuntimeException | StackOverflowError e) {
            fail(where + ": " + e.getClass().getName() + " instead of a CrossbenchException: " + e.getMessage(), e);
        }
    }
}
