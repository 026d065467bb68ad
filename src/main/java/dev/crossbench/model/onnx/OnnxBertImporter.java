package dev.crossbench.model.onnx;

import dev.crossbench.model.BertConfig;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.weights.BertWeightNames;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports the weights of a BERT encoder exported to ONNX (fp32) under Hugging Face BertModel
 * names, so the PyTorch-engine BERT block can run and fine-tune them.
 *
 * <p>PyTorch's exporter keeps parameter names for embeddings, biases and LayerNorms, but the
 * Linear weights it pre-transposes for MatMul become new, unnamed constants
 * ({@code onnx::MatMul_NNN}, stored in x out). Such a weight is named after the bias that is
 * added to its MatMul's output, and transposed back to PyTorch's out x in.
 */
public final class OnnxBertImporter {
    private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");
    private static final int MAX_LISTED = 12;

    /** Where one BertModel tensor comes from in the ONNX graph. */
    public record WeightSource(String onnxName, boolean transposed) {
    }

    private OnnxBertImporter() {
    }

    public static List<FloatTensor> importWeights(Path onnxFile, BertConfig config) {
        OnnxGraph graph = OnnxModelReader.read(onnxFile);
        Map<String, WeightSource> sources = resolve(graph, config);
        Map<String, long[]> expected = BertWeightNames.expected(config, true);
        List<FloatTensor> out = new ArrayList<>(sources.size());
        for (Map.Entry<String, WeightSource> e : sources.entrySet()) {
            OnnxTensor t = graph.initializers().get(e.getValue().onnxName());
            float[] data;
            try {
                data = t.floats();
            } catch (ModelLoadException ex) {
                throw new ModelLoadException(onnxFile + ": " + ex.getMessage(), ex);
            }
            if (e.getValue().transposed()) {
                data = transpose(data, (int) t.dims()[0], (int) t.dims()[1]);
            }
            out.add(new FloatTensor(e.getKey(), expected.get(e.getKey()), data));
        }
        return out;
    }

    /** Imports and writes {@code outSafetensors} (PyTorch layout, loadable by transformers). */
    public static Path importToSafetensors(Path onnxFile, BertConfig config, Path outSafetensors) {
        List<FloatTensor> tensors = importWeights(onnxFile, config);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("source", onnxFile.getFileName().toString());
        SafeTensors.write(outSafetensors, tensors, metadata);
        return outSafetensors;
    }

    /**
     * Maps every BertModel tensor name to its ONNX initializer, in model order, after checking
     * that all are present with the shapes {@code config} implies. The pooler is optional
     * (sentence-transformers exports leave it out), but must then be complete.
     */
    public static Map<String, WeightSource> resolve(OnnxGraph graph, BertConfig config) {
        Map<String, long[]> expected = BertWeightNames.expected(config, true);
        Map<String, WeightSource> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (OnnxTensor t : graph.initializers().values()) {
            if (!t.isFloat()) {
                continue; // e.g. the INT64 position_ids buffer
            }
            String hf = hfName(graph, t);
            if (hf == null) {
                continue;
            }
            if (!expected.containsKey(hf)) {
                Matcher m = LAYER.matcher(hf);
                if (m.find() && Integer.parseInt(m.group(1)) >= config.numHiddenLayers()) {
                    problems.add("layer " + m.group(1) + " exists but the config has "
                            + config.numHiddenLayers() + " layers");
                }
                continue;
            }
            WeightSource prev = found.put(hf, new WeightSource(t.name(), storedInByOut(graph, t.name())));
            if (prev != null) {
                problems.add("both '" + prev.onnxName() + "' and '" + t.name() + "' map to " + hf);
            }
        }
        Map<String, WeightSource> ordered = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        boolean pooler = found.containsKey(BertWeightNames.POOLER_WEIGHT) || found.containsKey(BertWeightNames.POOLER_BIAS);
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            String name = e.getKey();
            WeightSource src = found.get(name);
            if (src == null) {
                if (pooler || !name.startsWith("pooler.")) {
                    missing.add(name);
                }
                continue;
            }
            long[] shape = graph.initializers().get(src.onnxName()).dims();
            if (src.transposed()) {
                shape = shape.length == 2 ? new long[] {shape[1], shape[0]} : shape;
            }
            if (!Arrays.equals(shape, e.getValue())) {
                problems.add(name + " has shape " + Arrays.toString(shape) + ", expected " + Arrays.toString(e.getValue())
                        + (src.transposed() ? " (after transposing " + src.onnxName() + ")" : ""));
            }
            ordered.put(name, src);
        }
        if (!missing.isEmpty()) {
            problems.add(0, "missing " + listed(missing));
        }
        if (!problems.isEmpty()) {
            throw new ModelLoadException(graph.source() + ": cannot import BERT weights for a "
                    + config.numHiddenLayers() + "-layer, hidden-size " + config.hiddenSize() + " model: "
                    + listed(problems));
        }
        return ordered;
    }

    /** The initializer's own BertModel name, or for an unnamed MatMul weight, its bias's name. */
    private static String hfName(OnnxGraph graph, OnnxTensor t) {
        String own = BertWeightNames.stripPrefix(t.name());
        if (own != null) {
            return own;
        }
        for (OnnxNode mm : graph.consumers(t.name())) {
            if (!isLinear(mm) || mm.inputs().indexOf(t.name()) != 1) {
                continue;
            }
            String bias = biasOf(graph, mm);
            if (bias != null && bias.endsWith(".bias")) {
                return bias.substring(0, bias.length() - ".bias".length()) + ".weight";
            }
        }
        return null;
    }

    /** The stripped name of the bias initializer added to this MatMul/Gemm's output. */
    private static String biasOf(OnnxGraph graph, OnnxNode linear) {
        if (linear.opType().equals("Gemm") && linear.inputs().size() > 2) {
            return BertWeightNames.stripPrefix(linear.inputs().get(2));
        }
        for (OnnxNode add : graph.consumers(linear.outputs().get(0))) {
            if (!add.opType().equals("Add")) {
                continue;
            }
            for (String in : add.inputs()) {
                if (!in.equals(linear.outputs().get(0)) && graph.initializers().containsKey(in)) {
                    return BertWeightNames.stripPrefix(in);
                }
            }
        }
        return null;
    }

    /** True when the tensor is the B operand of a MatMul (or of a Gemm without transB): in x out. */
    private static boolean storedInByOut(OnnxGraph graph, String name) {
        for (OnnxNode n : graph.consumers(name)) {
            if (isLinear(n) && n.inputs().indexOf(name) == 1) {
                return n.opType().equals("MatMul") || n.intAttribute("transB", 0) == 0;
            }
        }
        return false;
    }

    private static boolean isLinear(OnnxNode n) {
        boolean standard = n.domain().isEmpty() || n.domain().equals("ai.onnx");
        return standard && (n.opType().equals("MatMul") || n.opType().equals("Gemm"));
    }

    /** rows x cols (row-major) to cols x rows. */
    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[base + c];
            }
        }
        return t;
    }

    private static String listed(List<String> items) {
        if (items.size() <= MAX_LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, MAX_LISTED)) + " and " + (items.size() - MAX_LISTED) + " more";
    }
}
