package dev.crossbench.model.export;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.onnx.BertOnnxExporter.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which engine runs a model with safetensors weights. AUTO runs ONNX Runtime on the model's verified export
 * when it measured faster than our block on PyTorch on this machine (both figures recorded with the export),
 * else PyTorch; {@code --engine onnxruntime} runs the export whenever it is verified; PyTorch is always
 * available. Training always runs on PyTorch (the export is inference only).
 */
public final class ExportedEngine {
    /** The rule, in words, for listings and option help. */
    public static final String RULE = "auto runs ONNX Runtime on an ONNX export of model.safetensors when the export matches our"
            + " PyTorch block (max |diff| < 1e-4 on probe batches) and measures faster on this machine, else PyTorch";

    /** How a report names the file that runs. */
    public static final String ORIGIN = "verified export of model.safetensors";

    private ExportedEngine() {}

    /** What runs, and what to tell the user (null when there is nothing to say). */
    public record Choice(boolean onnxRuntime, String note) {}

    /**
     * Decides from an export's status. {@code forced}: the user asked for ONNX Runtime, so an unverified export
     * is an error naming why instead of a fallback.
     */
    public static Choice choose(String model, VerifiedOnnxExport.Status s, boolean forced) {
        String built = s.rebuiltBecause() == null ? null
                : model + ": exported to ONNX (" + s.rebuiltBecause() + "); " + s.summary();
        if (forced) {
            if (!s.verified()) {
                throw new ModelLoadException(model + ": cannot run on ONNX Runtime: " + s.problem() + "; use --engine pytorch");
            }
            return new Choice(true, built);
        }
        if (s.onnxRuntimeFaster()) {
            return new Choice(true, built);
        }
        String why = !s.verified() ? s.summary()
                : "PyTorch measured faster than ONNX Runtime on the export (" + s.timing() + ")";
        return new Choice(false, (built != null ? built + "; " : "") + model + " runs on PyTorch: " + why);
    }

    /**
     * Opens a safetensors model for inference on the export or on PyTorch: the export is built and checked first
     * when needed (with our block opened by {@code pytorch} as the reference, kept when PyTorch is what runs), then
     * {@link #choose} decides; its note, if any, goes to {@code notes}.
     *
     * @param onnxRuntime opens the verified export on ONNX Runtime
     * @param close       closes a PyTorch model that is not returned
     */
    public static <R, P extends R> R open(ModelDescriptor d, Kind kind, Path home, Path weights, boolean forced,
            List<String> notes, Supplier<P> pytorch, Function<P, ExportReference> reference, Function<Path, R> onnxRuntime,
            Consumer<P> close) {
        List<P> opened = new ArrayList<>(1);
        try {
            VerifiedOnnxExport.Status s = VerifiedOnnxExport.ensure(d, kind, VerifiedOnnxExport.folderFor(d, home), weights,
                    () -> {
                        opened.add(pytorch.get());
                        return reference.apply(opened.get(0));
                    });
            Choice c = choose(d.name(), s, forced);
            if (c.note() != null) {
                notes.add(c.note());
            }
            if (c.onnxRuntime()) {
                return onnxRuntime.apply(s.onnx());
            }
            return opened.isEmpty() ? pytorch.get() : opened.remove(0);
        } finally {
            opened.forEach(close);
        }
    }

    /**
     * The engine AUTO runs for a model and why, from what is on disk, without building anything (listings).
     * Models without safetensors keep their only engine.
     */
    public static String autoEngine(ModelDescriptor d, Path home, Kind kind) {
        if (d.safetensors() == null) {
            if (d.onnx() != null) {
                return "onnxruntime (" + (d.quantized() ? "int8 ONNX weights" : "ONNX weights only") + ")";
            }
            return "pytorch (TorchScript)";
        }
        VerifiedOnnxExport.Status s = VerifiedOnnxExport.recorded(VerifiedOnnxExport.folderFor(d, home), kind);
        return describe(s);
    }

    /** The AUTO engine in one word from an export's recorded status: onnxruntime, pytorch, or "first use" when not yet measured. */
    public static String shortName(VerifiedOnnxExport.Status s) {
        return s == null ? "first use" : s.onnxRuntimeFaster() ? "onnxruntime" : "pytorch";
    }

    /** The AUTO engine in words from an export's recorded status (null: not exported yet). */
    public static String describe(VerifiedOnnxExport.Status s) {
        if (s == null) {
            return "not measured yet: ONNX Runtime via a verified export if it measures faster, else PyTorch (exported,"
                    + " checked and timed on first use)";
        }
        if (!s.verified()) {
            return "pytorch (" + s.summary() + ")";
        }
        String timing = s.onnxRuntimeMs() == null || s.pytorchMs() == null ? ""
                : String.format(Locale.ROOT, "; ONNX Runtime measured %.2fx as fast as PyTorch", s.pytorchMs() / s.onnxRuntimeMs());
        return String.format(Locale.ROOT, "%s (export verified, max |diff| %.1e%s)",
                s.onnxRuntimeFaster() ? "onnxruntime" : "pytorch", s.maxAbsDiff(), timing);
    }

    /** The engine a choice resolves to when nothing is measured yet (for code that must know before loading). */
    public static EngineChoice likely(ModelDescriptor d, EngineChoice asked) {
        if (asked != EngineChoice.AUTO) {
            return asked;
        }
        return d.safetensors() != null || d.onnx() != null ? EngineChoice.ONNXRUNTIME : EngineChoice.PYTORCH;
    }
}
