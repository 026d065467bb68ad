package dev.crossbench.app;

import dev.crossbench.data.PairFileWriter;
import dev.crossbench.data.RankingGroup;
import dev.crossbench.data.RankingGroupFile;

import dev.crossbench.data.QuerySet;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.HardNegativeMiner;
import dev.crossbench.search.QueryEncoder;
import dev.crossbench.search.TrainingPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Reranker training data from qrels: positives from the judgements, hard negatives from the bi-encoder
 * (see {@link HardNegativeMiner}), written as pair files or ranking-group files that `crossbench train cross` reads. A share of
 * the queries (whole queries, never split) goes to a dev file for picking the best epoch.
 */
public final class NegativeMiningService {
    private final CorpusIndexer indexer;

    public NegativeMiningService(CorpusIndexer indexer) {
        this.indexer = indexer;
    }

    /** What the files hold: one (query, document, 1/0) pair per line, or one ranking group per query. */
    public enum Format { PAIRS, GROUPS }

    /** What was written: pairs, or groups (one per query) for {@link Format#GROUPS}. */
    public record Result(HardNegativeMiner.Mined mined, int trainPairs, int devPairs, int trainQueries, int devQueries) {}

    public Result mine(RetrievalData data, BiEncoder bi, RetrievalSettings settings, HardNegativeMiner.Options options,
            double devFraction, Format format, Path trainOut, Path devOut, TaskProgress progress, BooleanSupplier cancelled) {
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
        List<TrainingPair> train = new ArrayList<>();
        List<TrainingPair> dev = new ArrayList<>();
        for (TrainingPair p : mined.pairs()) {
            (devIds.contains(p.queryId()) ? dev : train).add(p);
        }
        int trainCount = write(format, trainOut, train);
        int devCount = devOut == null ? 0 : write(format, devOut, dev);
        return new Result(mined, trainCount, devCount, judged.size() - devIds.size(), devIds.size());
    }

    private static int write(Format format, Path file, List<TrainingPair> pairs) {
        if (format == Format.GROUPS) {
            List<RankingGroup> groups = groups(pairs);
            RankingGroupFile.write(file, groups);
            return groups.size();
        }
        PairFileWriter.writeJsonLines(file, pairs.stream().map(TrainingPair::toLabeledPair).toList());
        return pairs.size();
    }

    /** One group per query, in the order the miner produced them (positives, then negatives hardest first). */
    static List<RankingGroup> groups(List<TrainingPair> pairs) {
        Map<String, List<TrainingPair>> byQuery = new LinkedHashMap<>();
        for (TrainingPair p : pairs) {
            byQuery.computeIfAbsent(p.queryId(), k -> new ArrayList<>()).add(p);
        }
        List<RankingGroup> groups = new ArrayList<>(byQuery.size());
        for (List<TrainingPair> ps : byQuery.values()) {
            List<String> pos = new ArrayList<>();
            List<String> neg = new ArrayList<>();
            for (TrainingPair p : ps) {
                (p.label() > 0 ? pos : neg).add(p.document());
            }
            groups.add(new RankingGroup(ps.get(0).queryId(), ps.get(0).query(), pos, neg));
        }
        return groups;
    }

}
