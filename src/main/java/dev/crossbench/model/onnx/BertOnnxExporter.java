package dev.crossbench.model.onnx;

import dev.crossbench.model.BertConfig;
import dev.crossbench.model.weights.FloatTensor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes our BERT block ({@code BertModelBlock}, {@code CrossEncoderBlock}) as an ONNX graph of standard
 * opset-17 ops, with our fp32 weights as initializers: inputs {@code input_ids}, {@code attention_mask},
 * {@code token_type_ids} (int64, [batch, sequence], both axes dynamic); output {@code last_hidden_state}
 * [batch, sequence, hidden] for a bi-encoder, or {@code logits} [batch, num_labels] for a cross-encoder
 * ({@code BertForSequenceClassification}: pooler dense+tanh on [CLS], then the classifier).
 *
 * <p>Op for op it computes what the block computes, in the same order: embeddings summed word +
 * position + type, LayerNormalization, an additive mask of (1 - mask) * -1e9, queries scaled before
 * QKᵀ, Softmax, exact GELU through Erf, residual then LayerNormalization. Linear weights are stored
 * transposed ([in, out]) so each layer is a plain MatMul and Add.
 */
public final class BertOnnxExporter {
    public static final int OPSET = 17;
    /** Bumped whenever the graph changes, so an export written by another version is rebuilt. */
    public static final int GRAPH_VERSION = 1;
    public static final String PRODUCER = "crossbench";

    /** What the graph returns. */
    public enum Kind {
        /** Bi-encoder: the last hidden state. */
        BI("last_hidden_state"),
        /** Cross-encoder: the classifier's logits. */
        CROSS("logits");

        private final String output;

        Kind(String output) {
            this.output = output;
        }

        public String outputName() {
            return output;
        }
    }

    private final BertConfig config;
    private final Map<String, FloatTensor> weights = new HashMap<>();
    private final OnnxGraphWriter g;

    private BertOnnxExporter(BertConfig config, Map<String, FloatTensor> byName, Kind kind) {
        this.config = config;
        for (FloatTensor t : byName.values()) {
            // bert.-prefixed (BertFor*) and bare names both address the body.
            String n = t.name().startsWith("bert.") ? t.name().substring(5) : t.name();
            weights.put(n, t);
        }
        this.g = new OnnxGraphWriter("crossbench_bert_" + kind.name().toLowerCase());
    }

    /**
     * Writes the graph for {@code kind} to {@code out}. {@code weights} are the block's parameters by
     * Hugging Face name (as {@code BertWeights.export} gives them); every one the graph needs must be there.
     */
    public static void write(OutputStream out, BertConfig config, Map<String, FloatTensor> weights, Kind kind)
            throws IOException {
        if (!config.hiddenAct().startsWith("gelu")) {
            throw new IllegalArgumentException("hidden_act '" + config.hiddenAct() + "' is not supported (gelu only)");
        }
        BertOnnxExporter e = new BertOnnxExporter(config, weights, kind);
        e.build(kind);
        e.g.writeTo(out, OPSET, PRODUCER, "Crossbench export of a BERT " + (kind == Kind.BI ? "encoder" : "cross-encoder")
                + " from model.safetensors, graph version " + GRAPH_VERSION);
    }

    private void build(Kind kind) {
        int h = config.hiddenSize();
        int heads = config.numAttentionHeads();
        int hd = config.headSize();
        float eps = (float) config.layerNormEps();
        String ids = g.input("input_ids", OnnxGraphWriter.INT64, "batch", "sequence");
        String mask = g.input("attention_mask", OnnxGraphWriter.INT64, "batch", "sequence");
        String types = g.input("token_type_ids", OnnxGraphWriter.INT64, "batch", "sequence");

        String zero = g.longs("const_zero", new long[] {1}, 0);
        String one = g.floats("const_one", new long[0], new float[] {1f});
        String seq = g.node("Shape", List.of(ids), OnnxGraphWriter.Attr.i("start", 1), OnnxGraphWriter.Attr.i("end", 2));
        String positions = g.node("Slice", List.of(weight("embeddings.position_embeddings.weight"), zero, seq, zero));
        String x = g.node("Add", List.of(
                g.node("Add", List.of(g.node("Gather", List.of(weight("embeddings.word_embeddings.weight"), ids)), positions)),
                g.node("Gather", List.of(weight("embeddings.token_type_embeddings.weight"), types))));
        x = layerNorm(x, "embeddings.LayerNorm", eps);

        // Additive mask as in the block: 0 where attended, -1e9 where padded; [batch, 1, 1, sequence].
        String maskF = g.node("Cast", List.of(mask), OnnxGraphWriter.Attr.i("to", OnnxGraphWriter.FLOAT));
        String bias = g.node("Mul", List.of(g.node("Sub", List.of(one, maskF)),
                g.floats("const_mask_value", new long[0], new float[] {-1.0e9f})));
        bias = g.node("Unsqueeze", List.of(bias, g.longs("const_axes_1_2", new long[] {2}, 1, 2)));

        String splitHeads = g.longs("const_heads_shape", new long[] {4}, 0, 0, heads, hd);
        String mergeHeads = g.longs("const_hidden_shape", new long[] {3}, 0, 0, h);
        String scale = g.floats("const_scale", new long[0], new float[] {(float) (1.0 / Math.sqrt(hd))});
        String sqrt2 = g.floats("const_sqrt2", new long[0], new float[] {(float) Math.sqrt(2.0)});
        String half = g.floats("const_half", new long[0], new float[] {0.5f});
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            String p = "encoder.layer." + i + ".";
            String q = g.node("Transpose", List.of(g.node("Reshape", List.of(linear(x, p + "attention.self.query"), splitHeads))),
                    OnnxGraphWriter.Attr.ints("perm", 0, 2, 1, 3));
            String kT = g.node("Transpose", List.of(g.node("Reshape", List.of(linear(x, p + "attention.self.key"), splitHeads))),
                    OnnxGraphWriter.Attr.ints("perm", 0, 2, 3, 1));
            String v = g.node("Transpose", List.of(g.node("Reshape", List.of(linear(x, p + "attention.self.value"), splitHeads))),
                    OnnxGraphWriter.Attr.ints("perm", 0, 2, 1, 3));
            String scores = g.node("Add", List.of(g.node("MatMul", List.of(g.node("Mul", List.of(q, scale)), kT)), bias));
            String probs = g.node("Softmax", List.of(scores), OnnxGraphWriter.Attr.i("axis", -1));
            String context = g.node("Reshape", List.of(g.node("Transpose", List.of(g.node("MatMul", List.of(probs, v))),
                    OnnxGraphWriter.Attr.ints("perm", 0, 2, 1, 3)), mergeHeads));
            String attn = linear(context, p + "attention.output.dense");
            x = layerNorm(g.node("Add", List.of(attn, x)), p + "attention.output.LayerNorm", eps);
            String inter = linear(x, p + "intermediate.dense");
            // Exact GELU, x * 0.5 * (1 + erf(x / sqrt 2)), as torch.nn.functional.gelu computes it.
            String erf = g.node("Erf", List.of(g.node("Div", List.of(inter, sqrt2))));
            String gelu = g.node("Mul", List.of(g.node("Mul", List.of(inter, g.node("Add", List.of(erf, one)))), half));
            String out = linear(gelu, p + "output.dense");
            String last = i == config.numHiddenLayers() - 1 && kind == Kind.BI ? kind.outputName() : null;
            x = layerNorm(g.node("Add", List.of(out, x)), p + "output.LayerNorm", eps, last);
        }
        if (kind == Kind.BI) {
            g.output(kind.outputName(), OnnxGraphWriter.FLOAT, "batch", "sequence", (long) h);
            return;
        }
        String cls = g.node("Gather", List.of(x, g.longs("const_index_0", new long[0], 0)), OnnxGraphWriter.Attr.i("axis", 1));
        String pooled = g.node("Tanh", List.of(linear(cls, "pooler.dense")));
        String logits = g.node("Add", List.of(g.node("MatMul", List.of(pooled, transposed("classifier.weight"))),
                weight("classifier.bias")), kind.outputName());
        g.output(logits, OnnxGraphWriter.FLOAT, "batch", (long) config.numLabels());
    }

    private String linear(String x, String prefix) {
        return g.node("Add", List.of(g.node("MatMul", List.of(x, transposed(prefix + ".weight"))), weight(prefix + ".bias")));
    }

    private String layerNorm(String x, String prefix, float eps) {
        return layerNorm(x, prefix, eps, null);
    }

    private String layerNorm(String x, String prefix, float eps, String output) {
        return g.node("LayerNormalization", List.of(x, weight(prefix + ".weight"), weight(prefix + ".bias")), output,
                OnnxGraphWriter.Attr.i("axis", -1), OnnxGraphWriter.Attr.f("epsilon", eps));
    }

    private FloatTensor tensor(String name) {
        FloatTensor t = weights.get(name);
        if (t == null) {
            throw new IllegalArgumentException("weight '" + name + "' is missing; the export needs every parameter of the block");
        }
        return t;
    }

    /** An initializer holding the tensor as it is; its name is the Hugging Face name. */
    private String weight(String name) {
        FloatTensor t = tensor(name);
        return g.floats(name, t.shape(), t.data());
    }

    /** A linear layer's [out, in] weight stored as [in, out], named {@code <name>.T}. */
    private String transposed(String name) {
        FloatTensor t = tensor(name);
        long[] s = t.shape();
        if (s.length != 2) {
            throw new IllegalArgumentException("weight '" + name + "' has shape " + Arrays.toString(s) + ", expected 2 dims");
        }
        int rows = (int) s[0];
        int cols = (int) s[1];
        float[] src = t.data();
        float[] out = new float[src.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = src[r * cols + c];
            }
        }
        return g.floats(name + ".T", new long[] {cols, rows}, out);
    }
}
