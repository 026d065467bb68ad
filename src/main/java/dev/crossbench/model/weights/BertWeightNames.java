package dev.crossbench.model.weights;

import dev.crossbench.model.BertConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tensor names and shapes of a Hugging Face {@code BertModel} (no "bert." prefix). */
public final class BertWeightNames {
    public static final String POOLER_WEIGHT = "pooler.dense.weight";
    public static final String POOLER_BIAS = "pooler.dense.bias";

    private static final String[] ROOTS = {"embeddings.", "encoder.", "pooler."};

    private BertWeightNames() {
    }

    /** Expected names and PyTorch shapes (Linear weights are out x in), in model order. */
    public static Map<String, long[]> expected(BertConfig c, boolean withPooler) {
        long h = c.hiddenSize();
        long i = c.intermediateSize();
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put("embeddings.word_embeddings.weight", new long[] {c.vocabSize(), h});
        m.put("embeddings.position_embeddings.weight", new long[] {c.maxPositionEmbeddings(), h});
        m.put("embeddings.token_type_embeddings.weight", new long[] {c.typeVocabSize(), h});
        m.put("embeddings.LayerNorm.weight", new long[] {h});
        m.put("embeddings.LayerNorm.bias", new long[] {h});
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            String p = "encoder.layer." + l + ".";
            for (String qkv : new String[] {"query", "key", "value"}) {
                linear(m, p + "attention.self." + qkv, h, h);
            }
            linear(m, p + "attention.output.dense", h, h);
            layerNorm(m, p + "attention.output.LayerNorm", h);
            linear(m, p + "intermediate.dense", i, h);
            linear(m, p + "output.dense", h, i);
            layerNorm(m, p + "output.LayerNorm", h);
        }
        if (withPooler) {
            linear(m, "pooler.dense", h, h);
        }
        return m;
    }

    /**
     * The BertModel name inside a prefixed name ("bert.encoder.layer.0..." gives
     * "encoder.layer.0..."), or null when the name has no embeddings/encoder/pooler part.
     */
    public static String stripPrefix(String name) {
        for (int start = 0; start >= 0 && start < name.length(); start = nextStart(name, start)) {
            for (String root : ROOTS) {
                if (name.startsWith(root, start)) {
                    return name.substring(start);
                }
            }
        }
        return null;
    }

    private static int nextStart(String name, int from) {
        int dot = name.indexOf('.', from);
        return dot < 0 ? -1 : dot + 1;
    }

    private static void linear(Map<String, long[]> m, String prefix, long out, long in) {
        m.put(prefix + ".weight", new long[] {out, in});
        m.put(prefix + ".bias", new long[] {out});
    }

    private static void layerNorm(Map<String, long[]> m, String prefix, long h) {
        m.put(prefix + ".weight", new long[] {h});
        m.put(prefix + ".bias", new long[] {h});
    }
}
