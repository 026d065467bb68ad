package dev.crossbench.app.bench;

import dev.crossbench.bench.BertFlops;
import dev.crossbench.bench.TimingStats;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.encode.EncodeStats;
import dev.crossbench.model.text.TextTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Times full encodes of a text list (after a warm-up pass) and turns them into sentences/s,
 * tokens/s and achieved GFLOP/s from the model's FLOP count. FLOPs are counted on the token
 * slots actually computed (padding included): that is the work the hardware did.
 */
public final class EncodeBenchmark {

    /** One implementation's figures; {@code gflops} over the median run. */
    public record Measurement(String implementation, String engine, int texts, long realTokens, long computedTokens,
            TimingStats runs, double sentencesPerSecond, double tokensPerSecond, double gflops) {}

    public Measurement measure(BiEncoder encoder, List<String> texts, int repeats, EncodeProgress progress,
            BooleanSupplier cancelled) {
        encoder.encode(texts.subList(0, Math.min(texts.size(), 256)), "", EncodeProgress.NONE, cancelled);
        List<Long> nanos = new ArrayList<>();
        EncodeStats stats = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            encoder.encode(texts, "", EncodeProgress.NONE, cancelled);
            nanos.add(System.nanoTime() - t0);
            stats = encoder.lastStats();
            progress.onProgress(r + 1, repeats);
        }
        TimingStats t = TimingStats.of(nanos);
        double sec = t.medianNanos() / 1e9;
        double flops = BertFlops.flopsForRun(encoder.descriptor().config(), stats.paddedTokens(), stats.sumSquaredSeq());
        return new Measurement("crossbench", encoder.backend().description(), texts.size(), stats.realTokens(),
                stats.paddedTokens(), t, texts.size() / sec, stats.realTokens() / sec, flops / sec / 1e9);
    }

    /**
     * The same texts through a peer implementation. Its FLOPs are counted per text without padding
     * (it runs one text per forward pass), with token counts from our tokenizer.
     */
    public Measurement measurePeer(PeerEncoder peer, BertConfig config, TextTokenizer tokenizer, List<String> texts,
            int repeats, EncodeProgress progress, BooleanSupplier cancelled) {
        long tokens = 0;
        double flops = 0;
        for (var t : tokenizer.encodeAll(texts)) {
            tokens += t.length();
            flops += t.length() * BertFlops.flopsPerToken(config, t.length());
        }
        peer.embed(texts.subList(0, Math.min(texts.size(), 64)));
        List<Long> nanos = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("benchmark cancelled");
            }
            long t0 = System.nanoTime();
            peer.embed(texts);
            nanos.add(System.nanoTime() - t0);
            progress.onProgress(r + 1, repeats);
        }
        TimingStats t = TimingStats.of(nanos);
        double sec = t.medianNanos() / 1e9;
        return new Measurement("peer: " + peer.description(), "OnnxRuntime (peer)", texts.size(), tokens, tokens, t,
                texts.size() / sec, tokens / sec, flops / sec / 1e9);
    }

    /** The peers on the class path for this model (the test class path ships one for all-MiniLM-L6-v2). */
    public static List<PeerEncoder> peersFor(String modelName) {
        List<PeerEncoder> out = new ArrayList<>();
        for (PeerEncoder p : java.util.ServiceLoader.load(PeerEncoder.class)) {
            if (p.modelName().equalsIgnoreCase(modelName)) {
                out.add(p);
            }
        }
        return out;
    }
}
