package dev.crossbench.cli;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.NegativeMiningService;
import dev.crossbench.app.RetrievalData;
import dev.crossbench.app.RetrievalSettings;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.HardNegativeMiner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "mine-negatives", description = "Reranker training pairs from qrels: judged positives plus the bi-encoder's hardest non-relevant hits, as JSONL pairs for `train cross`.")
final class MineNegativesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bi", required = true, description = "Bi-encoder that mines the negatives.")
    String bi;

    @Mixin
    RetrievalOptions retrieval;

    @Option(names = "--queries", required = true, description = "Queries (BEIR queries.jsonl or TSV).")
    Path queries;

    @Option(names = "--qrels", required = true, description = "Training judgements (never the test qrels).")
    Path qrels;

    @Option(names = "--depth", defaultValue = "30", description = "Bi-encoder candidates looked at per query. Default: ${DEFAULT-VALUE}")
    int depth;

    @Option(names = "--negatives", defaultValue = "4", description = "Negatives per query, hardest first. Default: ${DEFAULT-VALUE}")
    int negatives;

    @Option(names = "--skip-top", defaultValue = "0", description = "Non-relevant top hits passed over (likely unjudged positives). Default: ${DEFAULT-VALUE}")
    int skipTop;

    @Option(names = "--dev-fraction", defaultValue = "0.1", description = "Share of queries written to --dev-out. Default: ${DEFAULT-VALUE}")
    double devFraction;

    @Option(names = "--groups", description = "Write one ranking group per query (query, positives, negatives) for `train cross --loss listwise`, instead of pairs.")
    boolean groups;

    @Option(names = "--out", required = true, description = "Training pairs (JSONL: sentence1=query, sentence2=document, score=1/0), or groups with --groups.")
    Path out;

    @Option(names = "--dev-out", description = "Dev pairs from held-out training queries.")
    Path devOut;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() {
        new CommandPaths().input("--corpus", retrieval.corpus).input("--queries", queries).input("--qrels", qrels)
                .model("--bi", bi).output("--out", out).output("--dev-out", devOut).check();
        PrintWriter console = spec.commandLine().getOut();
        RetrievalData data = RetrievalData.read(retrieval.corpus, queries, qrels);
        data.report().warnings().forEach(w -> console.println("warning: " + w));
        RetrievalSettings settings = RetrievalSettings.DEFAULTS.withFormat(retrieval.format()).withIndex(retrieval.indexChoice());
        PhaseProgress progress = new PhaseProgress(spec.commandLine().getErr());
        NegativeMiningService.Result r;
        try (BiEncoder enc = modelOptions.open(spec.commandLine().getErr(), bi, retrieval.overrides(modelOptions))) {
            r = new NegativeMiningService(CorpusIndexer.standard()).mine(data, enc, settings,
                    new HardNegativeMiner.Options(depth, negatives, skipTop), devOut == null ? 0 : devFraction,
                    groups ? NegativeMiningService.Format.GROUPS : NegativeMiningService.Format.PAIRS, out, devOut,
                    progress, () -> Thread.currentThread().isInterrupted());
        } finally {
            progress.done();
        }
        console.printf("%d judged queries: %d positives, %d hard negatives (%d queries without a relevant document in the corpus)%n",
                r.mined().queries(), r.mined().positives(), r.mined().negatives(), r.mined().queriesWithoutPositive());
        String unit = groups ? "groups" : "pairs";
        console.printf("wrote %d %s (%d queries) to %s%n", r.trainPairs(), unit, r.trainQueries(), out);
        if (devOut != null) {
            console.printf("wrote %d %s (%d queries) to %s%n", r.devPairs(), unit, r.devQueries(), devOut);
        }
        return 0;
    }
}
