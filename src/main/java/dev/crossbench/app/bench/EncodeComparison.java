package dev.crossbench.app.bench;

import dev.crossbench.app.ModelService;
import dev.crossbench.bench.MatmulRoofline;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.encode.BiEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One model's encode throughput on several engines (and a peer implementation when asked), each set against the
 * matmul roofline measured on the same engine: what `bench encode` prints and writes as JSON.
 */
public final class EncodeComparison {

    /**
     * One implementation's row. Field names are the JSON keys of `bench encode --json`.
     *
     * @param engineOption     the --engines value it was opened with (null for the peer)
     * @param bestOursOverPeer best of our rows' sentences/s over the peer's (peer row only, else null)
     */
    public record Row(String implementation, String engineOption, String engine, int texts, long realTokens,
            long computedTokens, double medianSeconds, double sentencesPerSecond, double tokensPerSecond, double gflops,
            double rooflineGflops, double shareOfRoofline, Double bestOursOverPeer) {

        static Row of(EncodeBenchmark.Measurement m, String engineOption, MatmulRoofline.Result roof, Double oursOverPeer) {
            return new Row(m.implementation(), engineOption, m.engine(), m.texts(), m.realTokens(), m.computedTokens(),
                    m.runs().medianNanos() / 1e9, m.sentencesPerSecond(), m.tokensPerSecond(), m.gflops(),
                    roof.bestGflops(), m.gflops() / roof.bestGflops(), oursOverPeer);
        }
    }

    /** The rows in measurement order, the rooflines by engine name, and lines worth telling the user (skips). */
    public record Result(List<Row> results, Map<String, MatmulRoofline.Result> rooflines, List<String> notes) {}

    /** Which engines, how many timed passes, the roofline's matmul size, whether to look for a peer. */
    public record Settings(List<String> engines, int batchSize, int repeats, int matmulN, boolean peer) {}

    private final ModelService models;
    private final EncodeBenchmark bench = new EncodeBenchmark();

    public EncodeComparison(ModelService models) {
        this.models = models;
    }

    /** @param progressFor a progress sink per row label (an engine option, or "peer") */
    public Result run(ModelDescriptor d, List<String> texts, Settings s, java.util.function.Function<String, EncodeProgress> progressFor,
            Consumer<String> done, BooleanSupplier cancelled) {
        Map<String, MatmulRoofline.Result> rooflines = new LinkedHashMap<>();
        BiFunction<String, Integer, MatmulRoofline.Result> roofline = (engine, n) -> rooflines.computeIfAbsent(engine,
                k -> k.equals("PyTorch") ? MatmulRoofline.pytorch(n, 3, 10) : MatmulRoofline.onnxRuntime(n, 3, 10));
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double best = 0;
        BiEncoder forPeer = null;
        try {
            for (String e : s.engines()) {
                EngineChoice choice = EngineChoice.parse(e);
                if (choice == EngineChoice.PYTORCH && !d.canRunOnPyTorch() || choice == EngineChoice.ONNXRUNTIME && !d.canRunOnOnnxRuntime()) {
                    notes.add("skipping " + e + ": " + d.name() + " cannot run there");
                    continue;
                }
                BiEncoder enc = models.openBiEncoder(d, choice, d.defaults().withBatchSize(s.batchSize()));
                try {
                    EncodeBenchmark.Measurement m = bench.measure(enc, texts, s.repeats(), progressFor.apply(e), cancelled);
                    done.accept(e);
                    rows.add(Row.of(m, e, roofline.apply(enc.backend().engineName(), s.matmulN()), null));
                    best = Math.max(best, m.sentencesPerSecond());
                } finally {
                    if (forPeer == null) {
                        forPeer = enc;
                    } else {
                        enc.close();
                    }
                }
            }
            if (s.peer()) {
                List<PeerEncoder> peers = EncodeBenchmark.peersFor(d.name());
                if (peers.isEmpty()) {
                    notes.add("no peer implementation of " + d.name() + " on the class path: run with CROSSBENCH_PEER=1");
                } else if (forPeer != null) {
                    try (PeerEncoder p = peers.get(0)) {
                        EncodeBenchmark.Measurement m = bench.measurePeer(p, d.config(), forPeer.tokenizer(), texts, s.repeats(),
                                progressFor.apply("peer"), cancelled);
                        done.accept("peer");
                        rows.add(Row.of(m, null, roofline.apply("OnnxRuntime", s.matmulN()),
                                best > 0 ? best / m.sentencesPerSecond() : null));
                    }
                }
            }
        } finally {
            if (forPeer != null) {
                forPeer.close();
            }
        }
        return new Result(List.copyOf(rows), rooflines, List.copyOf(notes));
    }
}
