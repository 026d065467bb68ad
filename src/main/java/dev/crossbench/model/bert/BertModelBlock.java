package dev.crossbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.crossbench.model.BertConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face {@code BertModel} written with DJL NDArray ops (DJL's own BertBlock differs from
 * Hugging Face: BatchNorm, another residual, pooler on token 1). Parameters carry their Hugging
 * Face names ({@code embeddings.word_embeddings.weight}, {@code encoder.layer.0...}) so weights
 * load from and save to model.safetensors unchanged.
 *
 * <p>Input: [input_ids, attention_mask, token_type_ids], each int64 (batch, seq). Output:
 * [last_hidden_state (batch, seq, hidden)], plus the pooler output (batch, hidden) when built
 * with a pooler.
 */
public final class BertModelBlock extends AbstractBlock {
    private static final float DROPOUT = 0.1f;

    private final BertConfig config;
    private final boolean withPooler;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();

    public BertModelBlock(BertConfig config, boolean withPooler) {
        super((byte) 1);
        if (!config.hiddenAct().startsWith("gelu")) {
            throw new IllegalArgumentException("hidden_act '" + config.hiddenAct() + "' is not supported (gelu only)");
        }
        if (config.hiddenSize() % config.numAttentionHeads() != 0) {
            throw new IllegalArgumentException("hidden_size must be a multiple of num_attention_heads");
        }
        this.config = config;
        this.withPooler = withPooler;
        int h = config.hiddenSize();
        param("embeddings.word_embeddings.weight", Parameter.Type.WEIGHT, config.vocabSize(), h);
        param("embeddings.position_embeddings.weight", Parameter.Type.WEIGHT, config.maxPositionEmbeddings(), h);
        param("embeddings.token_type_embeddings.weight", Parameter.Type.WEIGHT, config.typeVocabSize(), h);
        layerNormParams("embeddings.LayerNorm", h);
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            String p = "encoder.layer." + i + ".";
            linearParams(p + "attention.self.query", h, h);
            linearParams(p + "attention.self.key", h, h);
            linearParams(p + "attention.self.value", h, h);
            linearParams(p + "attention.output.dense", h, h);
            layerNormParams(p + "attention.output.LayerNorm", h);
            linearParams(p + "intermediate.dense", config.intermediateSize(), h);
            linearParams(p + "output.dense", h, config.intermediateSize());
            layerNormParams(p + "output.LayerNorm", h);
        }
        if (withPooler) {
            linearParams("pooler.dense", h, h);
        }
    }

    public BertConfig config() {
        return config;
    }

    public boolean hasPooler() {
        return withPooler;
    }

    /** Parameters by Hugging Face name, in a stable order. */
    public Map<String, Parameter> parametersByName() {
        return Collections.unmodifiableMap(byName);
    }

    /** The shape each parameter must have, by Hugging Face name. */
    public Map<String, Shape> expectedShapes() {
        return Collections.unmodifiableMap(shapes);
    }

    private void param(String name, Parameter.Type type, long... shape) {
        // The shape is kept here, not in the Parameter: DJL refuses setArray on a parameter with a shape.
        Parameter p = Parameter.builder().setName(name).setType(type).build();
        byName.put(name, addParameter(p));
        shapes.put(name, new Shape(shape));
    }

    private void linearParams(String prefix, long out, long in) {
        param(prefix + ".weight", Parameter.Type.WEIGHT, out, in);
        param(prefix + ".bias", Parameter.Type.BIAS, out);
    }

    private void layerNormParams(String prefix, long h) {
        param(prefix + ".weight", Parameter.Type.GAMMA, h);
        param(prefix + ".bias", Parameter.Type.BETA, h);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray types = inputs.get(2);
        long batch = ids.getShape().get(0);
        long seq = ids.getShape().get(1);
        int h = config.hiddenSize();
        int heads = config.numAttentionHeads();
        int hd = config.headSize();
        float eps = (float) config.layerNormEps();
        NDManager m = ids.getManager();

        // Lookups take the per-batch array as first operand so results live in the batch's manager.
        NDArray positions = m.arange(0, (int) seq, 1, DataType.INT64).reshape(1, seq);
        NDArray x = Embedding.embedding(ids, v(ps, ids, "embeddings.word_embeddings.weight", training), SparseFormat.DENSE).head()
                .add(Embedding.embedding(positions, v(ps, ids, "embeddings.position_embeddings.weight", training), SparseFormat.DENSE).head())
                .add(Embedding.embedding(types, v(ps, ids, "embeddings.token_type_embeddings.weight", training), SparseFormat.DENSE).head());
        x = layerNorm(ps, x, "embeddings.LayerNorm", eps, training);
        x = Dropout.dropout(x, DROPOUT, training).head();

        // Additive mask as in Hugging Face: 0 where attended, a very large negative where padded.
        NDArray maskBias = mask.toType(x.getDataType(), false).reshape(batch, 1, 1, seq)
                .neg().add(1f).mul(-1.0e9f);
        float scale = (float) (1.0 / Math.sqrt(hd));

        for (int i = 0; i < config.numHiddenLayers(); i++) {
            String p = "encoder.layer." + i + ".";
            NDArray q = heads(linear(ps, x, p + "attention.self.query", training), batch, seq, heads, hd);
            NDArray k = heads(linear(ps, x, p + "attention.self.key", training), batch, seq, heads, hd);
            NDArray val = heads(linear(ps, x, p + "attention.self.value", training), batch, seq, heads, hd);
            NDArray scores = q.mul(scale).matMul(k.transpose(0, 1, 3, 2)).add(maskBias);
            NDArray probs = Dropout.dropout(scores.softmax(-1), DROPOUT, training).head();
            NDArray context = probs.matMul(val).transpose(0, 2, 1, 3).reshape(batch, seq, h);
            NDArray attn = Dropout.dropout(linear(ps, context, p + "attention.output.dense", training), DROPOUT, training).head();
            x = layerNorm(ps, attn.add(x), p + "attention.output.LayerNorm", eps, training);
            NDArray inter = Activation.gelu(linear(ps, x, p + "intermediate.dense", training));
            NDArray out = Dropout.dropout(linear(ps, inter, p + "output.dense", training), DROPOUT, training).head();
            x = layerNorm(ps, out.add(x), p + "output.LayerNorm", eps, training);
        }
        NDList result = new NDList(x);
        if (withPooler) {
            NDArray cls = x.get(":, 0, :");
            result.add(linear(ps, cls, "pooler.dense", training).tanh());
        }
        return result;
    }

    private static NDArray heads(NDArray t, long batch, long seq, int heads, int hd) {
        return t.reshape(batch, seq, heads, hd).transpose(0, 2, 1, 3);
    }

    private NDArray v(ParameterStore ps, NDArray like, String name, boolean training) {
        return ps.getValue(byName.get(name), like.getDevice(), training);
    }

    private NDArray linear(ParameterStore ps, NDArray x, String prefix, boolean training) {
        return Linear.linear(x, v(ps, x, prefix + ".weight", training), v(ps, x, prefix + ".bias", training)).head();
    }

    private NDArray layerNorm(ParameterStore ps, NDArray x, String prefix, float eps, boolean training) {
        return LayerNorm.layerNorm(x, new Shape(config.hiddenSize()),
                v(ps, x, prefix + ".weight", training), v(ps, x, prefix + ".bias", training), eps).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape(in.get(0), in.get(1), config.hiddenSize()));
        if (withPooler) {
            shapes.add(new Shape(in.get(0), config.hiddenSize()));
        }
        return shapes.toArray(new Shape[0]);
    }
}
