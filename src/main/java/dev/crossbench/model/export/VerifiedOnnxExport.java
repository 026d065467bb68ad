package dev.crossbench.model.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.crossbench.data.AtomicFile;
import dev.crossbench.data.FileChecksums;
import dev.crossbench.data.Sha256;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.engine.OnnxModelRunner;
import dev.crossbench.model.onnx.BertOnnxExporter.Kind;
import dev.crossbench.model.onnx.BertOnnxExporter;
import dev.crossbench.model.text.TokenBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The ONNX export of a model's safetensors weights, written from our block ({@link BertOnnxExporter}) into
 * the model's cache folder on first use and checked against our block on PyTorch before it is used: two
 * fixed probe batches of different shapes (so both dynamic axes are exercised, with padded rows and both
 * token types) must agree within {@link #TOLERANCE} on every value of the last hidden state or logits.
 * The same probe then times both engines on one batch at 128 tokens, so the default engine is chosen by
 * measurement on this machine.
 *
 * <p>{@code model.onnx} is written through a temp file and a rename; {@code export.json}, written last the
 * same way, records the SHA-256 of the weights it was made from and of the file, the check and the timing.
 * An export is used only when its record matches: a missing, truncated, corrupted or foreign file, one made
 * from other weights or by another graph version, is rebuilt (and checked again).
 */
public final class VerifiedOnnxExport {
    /** Largest |export - block| allowed on any value of the probe outputs. */
    public static final double TOLERANCE = 1e-4;
    public static final String ONNX_FILE = "model.onnx";
    public static final String RECORD_FILE = "export.json";
    static final String SUBFOLDER = "onnx-export";
    static final int FORMAT = 1;
    static final String PROBE = "probe batches 2x9 and 3x17 tokens (padded rows, token types 0/1)";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** What {@code export.json} holds. */
    record Record(int format, int graphVersion, String kind, String weights, String weightsSha256, String onnxSha256,
            int opset, boolean verified, Double maxAbsDiff, double tolerance, String probe, String problem,
            Double onnxRuntimeMs, Double pytorchMs, String timing) {}

    /**
     * An export's state: verified or not (then {@code problem} says why), the probe's largest difference,
     * and the measured milliseconds per timing batch on each engine (null when not measured).
     * {@code rebuiltBecause} is null when the export came from the cache.
     */
    public record Status(Path onnx, boolean verified, Double maxAbsDiff, String problem, Double onnxRuntimeMs,
            Double pytorchMs, String timing, String rebuiltBecause) {

        /** Whether ONNX Runtime measured faster than PyTorch on the timing batch. */
        public boolean onnxRuntimeFaster() {
            return verified && onnxRuntimeMs != null && pytorchMs != null && onnxRuntimeMs < pytorchMs;
        }

        /** One line: the check and the timing. */
        public String summary() {
            if (!verified) {
                return "ONNX export not used: " + problem;
            }
            String s = String.format(Locale.ROOT, "ONNX export verified against our PyTorch block (max |diff| %.1e < %.0e)",
                    maxAbsDiff, TOLERANCE);
            if (onnxRuntimeMs != null && pytorchMs != null) {
                s += String.format(Locale.ROOT, "; %s: ONNX Runtime %.1f ms, PyTorch %.1f ms (%.2fx)", timing, onnxRuntimeMs,
                        pytorchMs, pytorchMs / onnxRuntimeMs);
            }
            return s;
        }
    }

    private VerifiedOnnxExport() {}

    /**
     * Where a model's export lives: inside its own folder when that is a Crossbench cache folder (built-in and
     * bundled models, under {@code <home>/models}), else under {@code <home>/onnx-exports/<name>-<hash of its folder>}
     * (a user's folder or the hub cache is never written to).
     */
    public static Path folderFor(ModelDescriptor d, Path home) {
        Path models = home.resolve("models").toAbsolutePath().normalize();
        Path folder = d.folder().toAbsolutePath().normalize();
        if (folder.startsWith(models)) {
            return folder.resolve(SUBFOLDER);
        }
        String safe = d.name().replaceAll("[^A-Za-z0-9._-]", "_");
        String key = Sha256.start().add(folder.toString()).hex().substring(0, 12);
        return home.resolve("onnx-exports").resolve(safe + "-" + key);
    }

    /** The export folder of a built-in or bundled model, by name (its cache folder is {@code <home>/models/<name>}). */
    public static Path folderInCache(Path home, String modelName) {
        return home.resolve("models").resolve(modelName).resolve(SUBFOLDER);
    }

    /** What the folder's record says, without checking any file (for listings); null when there is none. */
    public static Status recorded(Path folder, Kind kind) {
        Record r = readRecord(folder);
        if (r == null || r.format() != FORMAT || r.graphVersion() != BertOnnxExporter.GRAPH_VERSION
                || !kind.name().equals(r.kind())) {
            return null;
        }
        return status(folder, r, null);
    }

    /**
     * The export if the folder holds one whose record matches these weights and its file; else null, with the
     * reason in {@code why[0]}.
     */
    public static Status cached(Path folder, Kind kind, Path weights, String[] why) {
        Record r = readRecord(folder);
        Path onnx = folder.resolve(ONNX_FILE);
        if (r == null) {
            why[0] = Files.exists(onnx) ? "its export has no readable record (" + RECORD_FILE + ")" : "not exported yet";
            return null;
        }
        if (r.format() != FORMAT || r.graphVersion() != BertOnnxExporter.GRAPH_VERSION) {
            why[0] = "its export was written by another version of the exporter";
            return null;
        }
        if (!kind.name().equals(r.kind())) {
            why[0] = "its export is a " + r.kind() + " graph, not " + kind;
            return null;
        }
        FileChecksums sums = checksums(folder);
        if (!sums.sha256(weights).equals(r.weightsSha256())) {
            why[0] = "its export was made from other weights";
            return null;
        }
        if (r.verified()) {
            if (!Files.isRegularFile(onnx)) {
                why[0] = ONNX_FILE + " is missing";
                return null;
            }
            if (!sums.sha256(onnx).equals(r.onnxSha256())) {
                why[0] = ONNX_FILE + " does not match its record (corrupted or replaced)";
                return null;
            }
        }
        return status(folder, r, null);
    }

    /** The export, from the cache or built and checked now with {@code reference} (loaded only when needed). */
    public static Status ensure(ModelDescriptor d, Kind kind, Path folder, Path weights,
            java.util.function.Supplier<ExportReference> reference) {
        return ensure(d, kind, folder, weights, reference, true);
    }

    static Status ensure(ModelDescriptor d, Kind kind, Path folder, Path weights,
            java.util.function.Supplier<ExportReference> reference, boolean measure) {
        String[] why = {null};
        Status s = cached(folder, kind, weights, why);
        return s != null ? s : build(d.config(), kind, folder, weights, reference.get(), why[0], measure);
    }

    /**
     * Writes the export from the reference's weights and checks it on the probe batches; with {@code measure},
     * also times both engines on the timing batch (what AUTO decides by).
     */
    public static Status build(BertConfig config, Kind kind, Path folder, Path weights, ExportReference reference,
            String because, boolean measure) {
        Path onnx = folder.resolve(ONNX_FILE);
        Path record = folder.resolve(RECORD_FILE);
        try {
            Files.deleteIfExists(record); // the old record must never vouch for the new file
            AtomicFile.writeBinary(onnx, "ONNX export", out -> BertOnnxExporter.write(out, config, reference.parameters(), kind));
        } catch (IOException | RuntimeException e) {
            return new Status(onnx, false, null, "cannot write " + onnx + " (" + e.getMessage() + ")", null, null, null, because);
        }
        FileChecksums sums = checksums(folder);
        Record r;
        try (OnnxModelRunner runner = new OnnxModelRunner(onnx, 0)) {
            double diff = 0;
            for (TokenBatch probe : probes(config)) {
                diff = Math.max(diff, maxAbsDiff(reference.forward(probe), runner.run(probe).values()));
            }
            boolean ok = diff < TOLERANCE; // NaN fails too
            String problem = ok ? null : String.format(Locale.ROOT, "the export differs from our PyTorch block by %s on the"
                    + " probe batches (limit %.0e)", Double.isNaN(diff) ? "NaN" : String.format(Locale.ROOT, "%.2e", diff), TOLERANCE);
            Double ortMs = null;
            Double ptMs = null;
            String timing = null;
            if (ok && measure) {
                TokenBatch t = timingBatch(config);
                ortMs = bestMillis(() -> runner.run(t), true, Double.MAX_VALUE);
                // PyTorch is warm from the probes; once a run is 1.5x ONNX Runtime's best the choice is made (under
                // contention a PyTorch pass can take seconds, and this runs on a model's first use).
                ptMs = bestMillis(() -> reference.forward(t), false, 1.5 * ortMs);
                timing = "one batch of " + t.batchSize() + "x" + t.seqLen() + " tokens, best of up to 2";
            }
            r = new Record(FORMAT, BertOnnxExporter.GRAPH_VERSION, kind.name(), weights.toAbsolutePath().toString(),
                    sums.sha256(weights), sums.sha256(onnx), BertOnnxExporter.OPSET, ok,
                    Double.isFinite(diff) ? diff : null, TOLERANCE, PROBE, problem, ortMs, ptMs, timing);
        } catch (RuntimeException e) {
            return new Status(onnx, false, null, "ONNX Runtime cannot run the export (" + e.getMessage() + ")", null, null,
                    null, because);
        }
        // The record is written last: until it exists the file is not used.
        AtomicFile.writeText(record, "ONNX export record", w -> w.write(GSON.toJson(r)));
        return status(folder, r, because);
    }

    private static Status status(Path folder, Record r, String because) {
        return new Status(folder.resolve(ONNX_FILE), r.verified(), r.maxAbsDiff(), r.problem(), r.onnxRuntimeMs(),
                r.pytorchMs(), r.timing(), because);
    }

    private static Record readRecord(Path folder) {
        Path file = folder.resolve(RECORD_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Record.class);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    private static FileChecksums checksums(Path folder) {
        return new FileChecksums(folder.resolve("sha256.properties"));
    }

    /** Largest absolute difference; NaN when the lengths differ or a value is NaN. */
    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.NaN;
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            if (!(d <= max)) {
                max = d;
                if (Double.isNaN(d)) {
                    return d;
                }
            }
        }
        return max;
    }

    /** Two fixed batches of different shapes: random ids, a padded row each, both token types where the model has two. */
    public static TokenBatch[] probes(BertConfig config) {
        return new TokenBatch[] {probe(config, new int[] {9, 5}, 11), probe(config, new int[] {17, 12, 3}, 12)};
    }

    private static TokenBatch probe(BertConfig config, int[] lengths, long seed) {
        Random random = new Random(seed);
        int seq = Arrays.stream(lengths).max().orElse(1);
        int n = lengths.length;
        long[] ids = new long[n * seq];
        long[] mask = new long[n * seq];
        long[] types = new long[n * seq];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < lengths[r]; c++) {
                ids[r * seq + c] = random.nextInt(config.vocabSize());
                mask[r * seq + c] = 1;
                types[r * seq + c] = config.typeVocabSize() > 1 && c >= lengths[r] / 2 ? 1 : 0;
            }
        }
        return new TokenBatch(n, seq, ids, mask, types);
    }

    /** The timing batch: 2 texts of 128 tokens (or the model's positions, if fewer). */
    static TokenBatch timingBatch(BertConfig config) {
        int seq = Math.min(128, config.maxPositionEmbeddings());
        int n = 2;
        Random random = new Random(13);
        long[] ids = new long[n * seq];
        long[] mask = new long[n * seq];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(config.vocabSize());
            mask[i] = 1;
        }
        return new TokenBatch(n, seq, ids, mask, new long[n * seq]);
    }

    /** Best of 2 timed runs (after a warm-up if asked), in milliseconds; stops after a run slower than {@code enoughMs}. */
    private static double bestMillis(Runnable run, boolean warmUp, double enoughMs) {
        if (warmUp) {
            run.run();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            run.run();
            best = Math.min(best, System.nanoTime() - t0);
            if (best / 1e6 > enoughMs) {
                break;
            }
        }
        return best / 1e6;
    }
}
