package dev.crossbench.app;

import dev.crossbench.model.EncodeOptions;
import dev.crossbench.model.PoolingMode;

/** User overrides of a model's default encode options; null fields keep the default. */
public record EncodeOverrides(Integer batchSize, Integer maxSeqLength, PoolingMode pooling, Boolean normalize,
        String queryPrompt, String documentPrompt, String pairPrompt) {

    public static final EncodeOverrides NONE = new EncodeOverrides(null, null, null, null, null, null, null);

    public EncodeOptions apply(EncodeOptions d) {
        EncodeOptions o = d;
        if (batchSize != null) {
            o = o.withBatchSize(batchSize);
        }
        if (maxSeqLength != null) {
            o = o.withMaxSeqLength(maxSeqLength);
        }
        if (pooling != null) {
            o = o.withPooling(pooling);
        }
        if (normalize != null) {
            o = o.withNormalize(normalize);
        }
        o = o.withPrompts(queryPrompt != null ? queryPrompt : o.queryPrompt(),
                documentPrompt != null ? documentPrompt : o.documentPrompt(),
                pairPrompt != null ? pairPrompt : o.pairPrompt());
        return o;
    }
}
