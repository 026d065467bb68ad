package dev.crossbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.CorpusReader;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.index.EmbeddingStore;
import dev.crossbench.model.BertConfig;
import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.cross.PyTorchPairScorer;
import dev.crossbench.model.cross.ScoreActivation;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.load.BiEncoderLoader;
import dev.crossbench.model.text.TextTokenizer;
import dev.crossbench.model.weights.SafeTensors;
import dev.crossbench.search.CrossEncoderReranker;
import dev.crossbench.search.SearchHit;
import dev.crossbench.search.TwoStageResult;
import dev.crossbench.testutil.TestModels;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cross-encoder as the second stage: all-MiniLM-L6-v2's body with a new (untrained) head. Its
 * scores mean nothing; the test checks the plumbing: each candidate scored once, reordered by score,
 * rank changes and stage times reported.
 */
class CrossEncoderRerankingTest {
    @TempDir
    Path cache;

    @Test
    void searchServiceReranksTheFirstStageCandidates() {
        ModelDescriptor d = TestModels.catalog().resolve("all-MiniLM-L6-v2");
        BertConfig c = d.config();
        BertConfig oneLabel = new BertConfig(c.vocabSize(), c.hiddenSize(), c.numHiddenLayers(), c.numAttentionHeads(),
                c.intermediateSize(), c.maxPositionEmbeddings(), c.typeVocabSize(), c.layerNormEps(), c.hiddenAct(), 1);
        var weights = SafeTensors.read(TestModels.catalog().ensureSafetensors(d));
        // The astronomy block of the sample corpus (d071-d140) keeps the encode short.
        Corpus all = CorpusReader.read(Path.of("sample-data", "corpus.jsonl"));
        Corpus corpus = new Corpus(all.source(), all.documents().subList(70, 140));
        try (BiEncoder bi = new BiEncoderLoader(TestModels.catalog()).open(d, EngineChoice.ONNXRUNTIME);
                CrossEncoder ce = new CrossEncoder("MiniLM body + new head", TextTokenizer.load(d.tokenizerJson(), 128, false),
                        new PyTorchPairScorer(oneLabel, weights, Device.cpu(), "test", List.of("bert.pooler.dense.weight",
                                "bert.pooler.dense.bias", "classifier.weight", "classifier.bias"), 7), 16, ScoreActivation.SIGMOID)) {
            SearchService s = SearchService.open(new CorpusIndexer(new EmbeddingStore(cache, 512)), corpus,
                    DocumentFormat.TITLE_AND_TEXT, bi, new CrossEncoderReranker(ce), IndexChoice.EXACT, TaskProgress.NONE, () -> false);
            TwoStageResult r = s.search("why is Mars red", 12);
            assertEquals(12, r.firstStage().size());
            assertEquals(12, r.reranked().size());
            assertEquals(r.firstStage().stream().map(SearchHit::docId).sorted().toList(),
                    r.reranked().stream().map(SearchHit::docId).sorted().toList());
            assertTrue(r.reranked().stream().allMatch(h -> h.rerankScore() > 0 && h.rerankScore() < 1), "sigmoid scores");
            List<SearchHit> byScore = r.reranked().stream()
                    .sorted(Comparator.comparingDouble(SearchHit::rerankScore).reversed()).toList();
            assertEquals(byScore, r.reranked());
            for (SearchHit h : r.reranked()) {
                assertEquals(h.firstStageRank() - h.rank(), h.rankChange());
            }
            assertTrue(r.encodeNanos() > 0 && r.searchNanos() > 0 && r.rerankNanos() > 0);
            // The Mars passage leads the bi-encoder's list on this hand-written corpus.
            assertTrue(s.documentText(r.firstStage().get(0).row()).contains("Mars"));
        }
    }
}
