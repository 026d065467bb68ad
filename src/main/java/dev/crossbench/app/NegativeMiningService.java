package dev.crossbench.app;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.data.PairFileWriter;

import dev.crossbench.data.QuerySet;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.HardNegativeMiner;
import dev.crossbench.search.QueryEncoder;
import dev.crossbench.search.TrainingPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reranker training data from qrels: positives from the judgements, hard negatives from the bi-encoder
 * (see {@link HardNegativeMiner}), written as pair files that `crossbench train cross` reads. A share of
 * the queries (whole queries, never split) goes to a dev file for picking the best epoch.
 */
public final class NegativeMiningService {
    private final CorpusIndexer indexer;

    public NegativeMiningService(CorpusIndexer indexer) {
        this.indexer = indexer;
    }

    /** What was written. */
    public record Result(HardNegativeMiner.Mined mined, int trainPairs, int devPairs, int trainQueries, int devQueries) {}

    public Result mine(RetrievalData data, BiEncoder bi, RetrievalSettings settings, HardNegativeMiner.Options options,
            double devFraction, Path trainOut, Path devOut, TaskProgress progress, BooleanSupplier cancelled) {
        if (devFraction < 0 || devFraction >= 1) {
            throw new IllegalArgumentException("dev fraction must be within [0, 1), got " + devFraction);
        }
        IndexedCorpus ic = indexer.index(data.corpus(), settings.format(), bi, settings.index(), progress, cancelled);
        QuerySet judged = data.judgedQueries();
        QueryEncoder encoder = CorpusIndexer.queryEncoder(bi);
        float[][] vectors = new float[judged.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = encoder.encode(judged.queries().get(i).text());
            progress.update("encode queries", i + 1, vectors.length);
        }
        HardNegativeMiner.Mined mined = HardNegativeMiner.mine(judged.queries(), vectors, data.qrels(), ic.index(),
                data.corpus(), ic.texts(), options);
        // Every n-th query goes to dev: a spread over the file without randomness to reproduce.
        int devQueries = (int) Math.round(judged.size() * devFraction);
        int stride = devQueries == 0 ? Integer.MAX_VALUE : Math.max(1, judged.size() / devQueries);
        List<String> devIds = new ArrayList<>();
        for (int i = 0; i < judged.size() && devIds.size() < devQueries; i += stride) {
            devIds.add(judged.queries().get(i).id());
        }
        List<LabeledPair> train = new ArrayList<>();
        List<LabeledPair> dev = new ArrayList<>();
        for (TrainingPair p : mined.pairs()) {
            (devIds.contains(p.queryId()) ? dev : train).add(p.toLabeledPair());
        }
        PairFileWriter.writeJsonLines(trainOut, train);
        if (devOut != null) {
            PairFileWriter.writeJsonLines(devOut, dev);
        }
        return new Result(mined, train.size(), dev.size(), judged.size() - devIds.size(), devIds.size());
    }

}
