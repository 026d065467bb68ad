package dev.crossbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.IndexChoice;
import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.RetrievalEvaluation;
import dev.crossbench.app.RetrievalEvaluationService;
import dev.crossbench.app.RetrievalSettings;
import dev.crossbench.app.TaskProgress;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.data.Qrels;
import dev.crossbench.index.EmbeddingStore;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.load.BiEncoderLoader;
import dev.crossbench.testutil.SharedData;
import dev.crossbench.testutil.TestModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real trec_eval 9.0.4 (the Linux binary packed in io.anserini:anserini, test scope) judges our
 * {@link IrMetrics}: for each run it must print, per query and on average, the figures we compute, to
 * the 4 decimals it prints. Runs: all-MiniLM-L6-v2 on the bundled SQuAD sample, a synthetic run built to hit
 * the corner cases (score ties, grade-0 judgements, unjudged and unretrieved queries, short runs, graded
 * relevance), and, when ../shared is present, a synthetic run over the SciFact test qrels.
 */
class TrecEvalAgreementTest {
    private static final List<MetricAtK> METRICS = List.of(IrMeasure.NDCG.at(10), IrMeasure.MAP.at(100),
            IrMeasure.RECALL.at(100), IrMeasure.MRR.at(10));
    /** trec_eval's names for the metrics above, in the same order (recip_rank is cut at 10 with -M 10). */
    private static final List<String> TREC_NAMES = List.of("ndcg_cut_10", "map_cut_100", "recall_100", "recip_rank");
    /** trec_eval prints %.4f: agreement to 4 decimals is a difference of at most half a unit in the 4th. */
    private static final double FOUR_DECIMALS = 0.5e-4 + 1e-9;

    @TempDir
    static Path dir;

    static Path trecEval;
    static BiEncoder bi;

    @BeforeAll
    static void extractTrecEval() throws IOException {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "the packed trec_eval binary is for Linux x86-64");
        trecEval = dir.resolve("trec_eval");
        try (InputStream in = TrecEvalAgreementTest.class.getResourceAsStream("/trec_eval/trec_eval-linux-amd64")) {
            assertNotNull(in, "io.anserini:anserini (test scope) should carry trec_eval/trec_eval-linux-amd64");
            Files.copy(in, trecEval, StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(trecEval.toFile().setExecutable(true));
    }

    @AfterAll
    static void close() {
        if (bi != null) {
            bi.close();
        }
    }

    static BiEncoder bi() {
        if (bi == null) {
            bi = new BiEncoderLoader(TestModels.catalog()).open(TestModels.catalog().resolve("all-MiniLM-L6-v2"),
                    EngineChoice.ONNXRUNTIME);
        }
        return bi;
    }

    @Test
    void theBinaryIsTrecEval904() throws Exception {
        // Prints its version on stderr; merged into the output here.
        assertTrue(run(List.of(trecEval.toString(), "-v")).contains("trec_eval version 9.0.4"));
    }

    @Test
    void agreesOnTheSquadSample() throws Exception {
        double[] means = agreeOnModelRun(Path.of("sample-data", "squad"), new EmbeddingStore(dir.resolve("cache"), 128), "squad");
        // Measured with this model on ONNX Runtime: nDCG@10 0.8164, MAP@100 0.7697, Recall@100 1.0, MRR@10 0.7674.
        assertEquals(0.8164, means[0], 0.005);
        assertEquals(1.0, means[2], 0.02);
    }

    /**
     * SciFact test qrels (300 queries, 339 judgements) with a synthetic run: encoding the 5183 abstracts with
     * all-MiniLM-L6-v2 takes minutes of CPU, too long for this test, so each query gets 150 documents drawn
     * deterministically from the corpus ids, its relevant ones placed at seeded ranks (some beyond 100, some
     * missing), scores rounded to 1/8 so that ties are frequent.
     */
    @Test
    void agreesOnSciFactQrelsWithASyntheticRun() throws Exception {
        Qrels qrels = dev.crossbench.data.QrelsReader.read(SharedData.scifact("qrels/test.tsv"));
        List<String> corpusIds = dev.crossbench.data.CorpusReader.read(SharedData.scifact("corpus.jsonl")).documents().stream()
                .map(dev.crossbench.data.Document::id).toList();
        Random random = new Random(2020);
        Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
        for (String q : qrels.queryIds()) {
            List<String> ids = new ArrayList<>();
            while (ids.size() < 150) {
                String d = corpusIds.get(random.nextInt(corpusIds.size()));
                if (!ids.contains(d)) {
                    ids.add(d);
                }
            }
            for (String rel : qrels.judgements(q).keySet()) {
                int rank = random.nextInt(160); // >= 150: not retrieved at all
                ids.remove(rel);
                if (rank < 150) {
                    ids.add(rank, rel);
                }
            }
            List<ScoredDoc> docs = new ArrayList<>();
            for (int i = 0; i < 150 && i < ids.size(); i++) {
                docs.add(new ScoredDoc(ids.get(i), Math.round((150 - i) / 150.0 * 8) / 8.0));
            }
            run.put(q, docs);
        }
        IrEvaluation ours = IrMetrics.evaluate(qrels, run, METRICS, false);
        assertEquals(300, ours.evaluatedQueries());
        assertAgreement(qrels, run, ours, "scifact-synthetic");
    }

    /**
     * Corner cases a model run rarely hits: scores quantised to 4 values (ties everywhere, broken by
     * document id, with ids of different lengths so string and numeric order differ), grades 0-3,
     * queries whose judgements are all grade 0, a run query without judgements, a judged query not in
     * the run, runs shorter than 10 and longer than 100.
     */
    @Test
    void agreesOnASyntheticRunFullOfTies() throws Exception {
        Random random = new Random(15);
        Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
        Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
        for (int q = 0; q < 40; q++) {
            String qid = "q" + q;
            int length = q % 10 == 3 ? 6 : 20 + random.nextInt(140);
            List<ScoredDoc> docs = new ArrayList<>();
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (int i = 0; i < length; i++) {
                String doc = "d" + random.nextInt(400);
                if (docs.stream().anyMatch(d -> d.id().equals(doc))) {
                    continue; // trec_eval refuses a document twice in one query
                }
                docs.add(new ScoredDoc(doc, random.nextInt(4) * 0.25));
                if (random.nextInt(5) == 0) {
                    grades.put(doc, q % 7 == 5 ? 0 : random.nextInt(4));
                }
            }
            grades.put("d" + (400 + q), 1 + q % 3); // relevant but never retrieved: counts in recall, MAP and ideal DCG
            if (q % 7 == 5) {
                grades.replaceAll((d, g) -> 0); // judged, nothing relevant
            }
            run.put(qid, docs);
            if (q != 11) {
                judged.put(qid, grades); // q11 is retrieved but unjudged: neither tool counts it
            }
        }
        judged.put("unretrieved", Map.of("d1", 1)); // judged but absent from the run: not counted without -c
        Qrels qrels = new Qrels(null, judged);

        IrEvaluation ours = IrMetrics.evaluate(qrels, run, METRICS, false);
        assertEquals(List.of("q11"), ours.skippedQueries());
        assertEquals(39, ours.evaluatedQueries());
        assertAgreement(qrels, run, ours, "synthetic");
        // Queries with only grade-0 judgements score 0 on every measure in both tools.
        for (int m = 0; m < METRICS.size(); m++) {
            assertEquals(0.0, ours.perQuery("q5", METRICS.get(m)));
        }
    }

    /** Evaluates all-MiniLM-L6-v2 on a BEIR folder, checks every figure against trec_eval, returns our means. */
    private double[] agreeOnModelRun(Path folder, EmbeddingStore store, String name) throws Exception {
        RetrievalData data = RetrievalData.read(folder.resolve("corpus.jsonl"), folder.resolve("queries.jsonl"),
                Files.exists(folder.resolve("qrels.tsv")) ? folder.resolve("qrels.tsv") : folder.resolve("qrels/test.tsv"));
        RetrievalSettings settings = new RetrievalSettings(DocumentFormat.TITLE_AND_TEXT, IndexChoice.EXACT, 100, List.of(),
                true, METRICS);
        RetrievalEvaluation r = new RetrievalEvaluationService(new CorpusIndexer(store))
                .evaluate(data, bi(), null, settings, TaskProgress.NONE, () -> false);
        IrEvaluation ours = r.firstStage();
        assertEquals(data.judgedQueries().size(), ours.evaluatedQueries());
        assertAgreement(data.qrels(), r.firstStageRun(), ours, name);
        return METRICS.stream().mapToDouble(ours::mean).toArray();
    }

    /** Writes qrels and run, runs trec_eval per query, asserts every per-query value and every mean agree. */
    private static void assertAgreement(Qrels qrels, Map<String, List<ScoredDoc>> run, IrEvaluation ours, String name)
            throws Exception {
        Path qrelsFile = dir.resolve(name + ".qrels");
        StringBuilder sb = new StringBuilder();
        qrels.asMap().forEach((q, docs) -> docs.forEach((d, g) -> sb.append(q).append(" 0 ").append(d).append(' ')
                .append(g).append('\n')));
        Files.writeString(qrelsFile, sb.toString(), StandardCharsets.UTF_8);
        Path runFile = dir.resolve(name + ".run");
        TrecRunFile.write(runFile, run, "crossbench " + name);

        Map<String, Map<String, Double>> te = new HashMap<>(trecEval(qrelsFile, runFile, "-m", "ndcg_cut.10", "-m", "map_cut.100",
                "-m", "recall.100"));
        te.putAll(trecEval(qrelsFile, runFile, "-M", "10", "-m", "recip_rank"));
        StringBuilder report = new StringBuilder(name + ": ours / trec_eval");
        for (int m = 0; m < METRICS.size(); m++) {
            MetricAtK metric = METRICS.get(m);
            Map<String, Double> values = te.get(TREC_NAMES.get(m));
            assertNotNull(values, "trec_eval printed no " + TREC_NAMES.get(m));
            // trec_eval prints one line per evaluated query plus "all": the same query set as ours.
            assertEquals(ours.perQuery().keySet(), withoutAll(values).keySet(), metric.label() + ": evaluated queries");
            for (String q : ours.perQuery().keySet()) {
                assertEquals(values.get(q), ours.perQuery(q, metric), FOUR_DECIMALS, name + " " + metric.label() + " query " + q);
            }
            assertEquals(values.get("all"), ours.mean(metric), FOUR_DECIMALS, name + " mean " + metric.label());
            report.append(String.format(Locale.ROOT, "  %s %.4f / %.4f", metric.label(), ours.mean(metric),
                    values.get("all")));
        }
        System.out.println(report);
    }

    private static Map<String, Double> withoutAll(Map<String, Double> values) {
        Map<String, Double> copy = new HashMap<>(values);
        copy.remove("all");
        return copy;
    }

    /** measure -> (query id or "all" -> value), from {@code trec_eval -q ARGS qrels run}. */
    private static Map<String, Map<String, Double>> trecEval(Path qrels, Path run, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(trecEval.toString(), "-q"));
        command.addAll(List.of(args));
        command.add(qrels.toString());
        command.add(run.toString());
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (String line : run(command).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && !f[0].equals("runid") && !f[0].startsWith("num_")) {
                out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Double.parseDouble(f[2]));
            }
        }
        return out;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
