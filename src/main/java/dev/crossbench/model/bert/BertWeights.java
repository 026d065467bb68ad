package dev.crossbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.weights.BertWeightNames;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Moves weights between Hugging Face-named tensors and the parameters of our blocks. */
public final class BertWeights {
    private BertWeights() {}

    /**
     * Canonical BertModel name of a checkpoint tensor: drops the {@code bert.} prefix of
     * BertFor* checkpoints and maps old TensorFlow-style LayerNorm names (gamma/beta).
     */
    public static String canonicalName(String name) {
        String n = name.startsWith("bert.") ? name.substring(5) : name;
        if (n.contains("LayerNorm.gamma")) {
            n = n.replace("LayerNorm.gamma", "LayerNorm.weight");
        } else if (n.contains("LayerNorm.beta")) {
            n = n.replace("LayerNorm.beta", "LayerNorm.bias");
        }
        return n;
    }

    /**
     * Reads a checkpoint's weights (not the position_ids buffer) for a model of {@code config}. Every
     * tensor's declared shape is checked before any is read: a named BERT tensor must have the shape the
     * config gives it, any other tensor may not be larger than the largest of those, and the whole must
     * fit in the heap left, so a crafted header gives a one-line error instead of an OutOfMemoryError.
     */
    public static Map<String, FloatTensor> read(Path file, BertConfig config) {
        Map<String, long[]> expected = BertWeightNames.expected(config, true);
        long largest = expected.values().stream().mapToLong(BertWeights::elements).max().orElse(0);
        Runtime rt = Runtime.getRuntime();
        long budget = (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / Float.BYTES;
        long[] total = {0};
        return SafeTensors.read(file, name -> !name.endsWith("position_ids"), (f, name, shape) -> {
            String bare = BertWeightNames.stripPrefix(canonicalName(name));
            long[] want = bare == null ? null : expected.get(bare);
            long n = elements(shape);
            if (want != null && !Arrays.equals(want, shape)) {
                throw new ModelLoadException(f + ": tensor '" + name + "' has shape " + Arrays.toString(shape)
                        + ", config.json gives " + Arrays.toString(want));
            }
            if (want == null && n > largest) {
                throw new ModelLoadException(f + ": tensor '" + name + "' has shape " + Arrays.toString(shape)
                        + ", larger than any tensor of the model config.json describes");
            }
            total[0] += n;
            if (total[0] > budget) {
                throw new ModelLoadException(f + ": the weights need more than the " + rt.maxMemory() / (1 << 20)
                        + " MiB Java heap (at tensor '" + name + "'); raise -Xmx");
            }
        });
    }

    /** Values in a tensor of this shape, saturating instead of overflowing. */
    private static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = d <= 0 ? 0 : n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d;
        }
        return n;
    }

    /**
     * Sets every parameter of {@code params} from {@code tensors}, matching both sides by
     * {@link #canonicalName} (so {@code bert.}-prefixed and bare checkpoints both load), checking
     * shapes. Parameters listed in {@code optional} may be missing: they are initialised as
     * Hugging Face does (normal(0, 0.02) weights, zero biases) with {@code seed}.
     */
    public static void load(Map<String, Parameter> params, Map<String, Shape> shapes, Map<String, FloatTensor> tensors,
            NDManager manager, List<String> optional, long seed, String source) {
        Map<String, FloatTensor> canonical = new HashMap<>();
        for (FloatTensor t : tensors.values()) {
            canonical.put(canonicalName(t.name()), t);
        }
        List<String> missing = new ArrayList<>();
        Random random = new Random(seed);
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            String name = e.getKey();
            Shape expected = shapes.get(name);
            FloatTensor t = canonical.get(canonicalName(name));
            NDArray array;
            if (t == null) {
                if (!optional.contains(name)) {
                    missing.add(name);
                    continue;
                }
                array = manager.create(initialValues(name, expected, random), expected);
            } else {
                if (!Arrays.equals(t.shape(), expected.getShape())) {
                    throw new ModelLoadException(source + ": tensor " + t.name() + " has shape "
                            + Arrays.toString(t.shape()) + ", the config expects " + expected);
                }
                array = manager.create(t.data(), expected);
            }
            Parameter p = e.getValue();
            if (p.isInitialized()) {
                throw new IllegalStateException("parameter " + name + " already holds weights: load into a new block");
            }
            p.setArray(array);
        }
        if (!missing.isEmpty()) {
            throw new ModelLoadException(source + ": " + missing.size() + " weights missing, e.g. "
                    + missing.subList(0, Math.min(3, missing.size())) + " (is this a BERT-family checkpoint?)");
        }
    }

    private static float[] initialValues(String name, Shape shape, Random random) {
        float[] v = new float[(int) shape.size()];
        if (name.endsWith("LayerNorm.weight")) {
            Arrays.fill(v, 1f);
        } else if (name.endsWith(".weight")) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * 0.02);
            }
        }
        return v;
    }

    /** The current parameter values as Hugging Face-named tensors (prefix added to each name). */
    public static List<FloatTensor> export(Map<String, Parameter> params, String prefix) {
        List<FloatTensor> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NDArray a = e.getValue().getArray();
            out.add(new FloatTensor(prefix + e.getKey(), a.getShape().getShape(), a.toFloatArray()));
        }
        return out;
    }
}
