package dev.crossbench.app;

import dev.crossbench.data.PairDataset;
import dev.crossbench.eval.PairCorrelations;
import dev.crossbench.eval.PairEvaluator;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.encode.BiEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Scores labeled pairs with a bi-encoder, as sentence-transformers' EmbeddingSimilarityEvaluator
 * does: each unique sentence is embedded once (with the model's pair prompt), then cosine, dot,
 * -euclidean and -manhattan similarities are correlated with the gold scores.
 */
public final class PairEvaluationService {

    /** Cross-encoder: each pair is scored directly; its scores are correlated with gold. */
    public BiEncoderPairResult evaluate(PairDataset data, dev.crossbench.model.cross.CrossEncoder encoder, EncodeProgress progress,
            BooleanSupplier cancelled) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException(data.name() + ": no pairs to evaluate");
        }
        long t0 = System.nanoTime();
        double[] scores = encoder.predict(data.sentences1(), data.sentences2(), progress, cancelled);
        double seconds = (System.nanoTime() - t0) / 1e9;
        PairCorrelations c = PairEvaluator.evaluate(data.scores(), scores);
        return new BiEncoderPairResult(encoder.name(), "cross-encoder", encoder.scorer().description(), c, data.size(),
                seconds, data.size() / seconds, null);
    }

    public BiEncoderPairResult evaluate(PairDataset data, BiEncoder encoder, EncodeProgress progress, BooleanSupplier cancelled) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException(data.name() + ": no pairs to evaluate");
        }
        List<String> unique = data.uniqueSentences();
        long t0 = System.nanoTime();
        float[][] vectors = encoder.encodeForPairs(unique, progress, cancelled);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, float[]> byText = new HashMap<>(unique.size() * 2);
        for (int i = 0; i < unique.size(); i++) {
            byText.put(unique.get(i), vectors[i]);
        }
        float[][] e1 = new float[data.size()][];
        float[][] e2 = new float[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            e1[i] = byText.get(data.get(i).sentence1());
            e2[i] = byText.get(data.get(i).sentence2());
        }
        PairCorrelations c = PairEvaluator.evaluate(data.scores(), e1, e2);
        return new BiEncoderPairResult(encoder.descriptor().name(), "bi-encoder", encoder.backend().description(), c,
                unique.size(), seconds, unique.size() / seconds, encoder.lastStats());
    }
}
