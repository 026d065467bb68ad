package dev.crossbench.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.crossbench.model.BertConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hugging Face {@code BertForSequenceClassification}: the BERT body with its pooler (dense+tanh
 * on [CLS]), dropout, and a linear classifier with {@code num_labels} outputs. Parameter names
 * are those of the checkpoint: {@code bert.*} for the body, {@code classifier.weight/bias}.
 * Output: logits (batch, num_labels).
 */
public final class CrossEncoderBlock extends AbstractBlock {
    public static final String BODY_PREFIX = "bert.";

    private final BertModelBlock body;
    private final Parameter classifierWeight;
    private final Parameter classifierBias;
    private final int numLabels;

    public CrossEncoderBlock(BertConfig config) {
        super((byte) 1);
        this.numLabels = config.numLabels();
        this.body = addChildBlock("bert", new BertModelBlock(config, true));
        this.classifierWeight = addParameter(Parameter.builder().setName("classifier.weight").setType(Parameter.Type.WEIGHT).build());
        this.classifierBias = addParameter(Parameter.builder().setName("classifier.bias").setType(Parameter.Type.BIAS).build());
    }

    public BertModelBlock body() {
        return body;
    }

    public int numLabels() {
        return numLabels;
    }

    /** All parameters by checkpoint name (bert.* and classifier.*). */
    public Map<String, Parameter> parametersByName() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        body.parametersByName().forEach((k, v) -> m.put(BODY_PREFIX + k, v));
        m.put("classifier.weight", classifierWeight);
        m.put("classifier.bias", classifierBias);
        return Collections.unmodifiableMap(m);
    }

    public Map<String, Shape> expectedShapes() {
        Map<String, Shape> m = new LinkedHashMap<>();
        body.expectedShapes().forEach((k, v) -> m.put(BODY_PREFIX + k, v));
        m.put("classifier.weight", new Shape(numLabels, body.config().hiddenSize()));
        m.put("classifier.bias", new Shape(numLabels));
        return m;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = body.forward(ps, inputs, training);
        NDArray pooled = Dropout.dropout(out.get(1), 0.1f, training).head();
        NDArray w = ps.getValue(classifierWeight, pooled.getDevice(), training);
        NDArray b = ps.getValue(classifierBias, pooled.getDevice(), training);
        return new NDList(Linear.linear(pooled, w, b).head());
    }

    /** All weights are set from checkpoints before use; nothing is initialised by DJL. */
    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, ai.djl.ndarray.types.DataType dataType,
            Shape... inputShapes) {
        // weights come from BertWeights.load
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numLabels)};
    }
}
