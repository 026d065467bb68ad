package dev.crossbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.data.PairDataset;
import dev.crossbench.data.PairReader;
import dev.crossbench.eval.SimilarityFunction;
import dev.crossbench.model.EncodeProgress;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.testutil.SharedData;
import dev.crossbench.testutil.TestModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Published sentence-transformers figures reproduced on STS-B test (cosine Spearman). */
class StsbAcceptanceTest {

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "all-MiniLM-L6-v2, PYTORCH, 0.8203",
        "all-MiniLM-L6-v2, ONNXRUNTIME, 0.8203",
    })
    void cosineSpearmanMatchesPublished(String model, EngineChoice engine, double published) {
        PairDataset data = PairReader.read(SharedData.stsb("test"));
        ModelService service = new ModelService(TestModels.catalog());
        ModelDescriptor d = service.resolve(model, null);
        try (BiEncoder enc = service.openBiEncoder(d, engine, d.defaults())) {
            BiEncoderPairResult r = new PairEvaluationService().evaluate(data, enc, EncodeProgress.NONE, () -> false);
            double spearman = r.correlations().get(SimilarityFunction.COSINE).spearman();
            System.out.printf("%s on %s: cosine Spearman %.4f%n", model, engine, spearman);
            assertEquals(published, spearman, 0.0015);
            assertEquals(2552, r.uniqueSentences());
        }
    }
}
