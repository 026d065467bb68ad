package dev.crossbench.ui.task;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.DedupEvaluation;
import dev.crossbench.app.DedupInput;
import dev.crossbench.app.DedupResult;
import dev.crossbench.app.DedupService;
import dev.crossbench.app.DedupSettings;
import dev.crossbench.app.ModelService;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.app.RerankerOpener;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.data.GoldPairs;
import dev.crossbench.data.GoldPairsReader;
import dev.crossbench.data.PairDataset;
import dev.crossbench.dedup.AcceptRule;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.ui.workspace.DedupOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@link DedupService} (the service behind {@code crossbench dedup}) on a loaded corpus or the distinct sentences
 * of the loaded pairs, then scores the result against gold at every cosine threshold from the candidate threshold up
 * (steps of 0.01) for the view's chart. Progress is the service's phase and its count.
 */
public final class DedupTask extends WorkbenchTask<DedupOutcome> {
    /** What to deduplicate and against which gold: exactly one of {@code corpus} and {@code pairs}. */
    public record Inputs(Corpus corpus, PairDataset pairs, Path goldFile, double goldMinScore) {}

    private final Inputs inputs;
    private final ModelSpec bi;
    private final String crossEncoder;
    private final ModelSpec crossSpec;
    private final DedupSettings settings;
    private final ModelService models;
    private final DedupService service;

    /** @param crossEncoder verifies every candidate when not null; {@code crossSpec} its Models-view options, else null */
    public DedupTask(Inputs inputs, ModelSpec bi, String crossEncoder, ModelSpec crossSpec, DedupSettings settings,
            ModelService models, CorpusIndexer indexer) {
        super("Deduplicate " + name(inputs) + " with " + bi.name() + (crossEncoder == null ? "" : " + " + crossEncoder));
        this.inputs = inputs;
        this.bi = bi;
        this.crossEncoder = crossEncoder;
        this.crossSpec = crossSpec;
        this.settings = settings;
        this.models = models;
        this.service = new DedupService(indexer);
    }

    private static String name(Inputs in) {
        Path source = in.corpus() != null ? in.corpus().source() : in.pairs().source().orElse(null);
        String file = source == null || source.getFileName() == null ? (in.pairs() != null ? in.pairs().name() : "corpus")
                : source.getFileName().toString();
        return in.corpus() != null ? file : file + " (sentences)";
    }

    @Override
    protected DedupOutcome call() {
        updateMessage("reading texts");
        Corpus corpus = inputs.corpus() != null ? inputs.corpus() : DedupService.sentencesOf(inputs.pairs());
        DedupInput in = DedupInput.of(corpus, DocumentFormat.TITLE_AND_TEXT);
        GoldPairs gold = inputs.goldFile() != null ? GoldPairsReader.read(inputs.goldFile(), inputs.goldMinScore())
                : inputs.pairs() != null ? GoldPairsReader.of(inputs.pairs(), inputs.pairs().source().orElse(null), inputs.goldMinScore())
                : null;
        DedupResult r;
        BiEncoder encoder = null;
        CrossEncoder cross = null;
        try {
            if (in.needsModels()) {
                updateMessage("loading " + bi.name());
                encoder = models.openBiEncoder(bi.descriptor(), bi.engine(), bi.options());
                if (crossEncoder != null) {
                    updateMessage("loading " + crossEncoder);
                    cross = RerankerOpener.open(models, crossEncoder, crossSpec);
                }
            }
            r = service.run(in, encoder, cross, settings, (phase, done, total) -> {
                updateProgress(done, Math.max(total, 1));
                updateMessage(String.format(Locale.ROOT, "%s: %,d of %,d", phase, done, total));
            }, this::isCancelled);
        } finally {
            if (cross != null) {
                cross.close();
            }
            if (encoder != null) {
                encoder.close();
            }
        }
        return new DedupOutcome(name(inputs), r, gold == null ? null : DedupEvaluation.evaluate(r, gold, sweep(settings)));
    }

    /** Cosine alone from the candidate threshold (rounded up to 0.01) to 1. */
    static List<AcceptRule> sweep(DedupSettings s) {
        List<AcceptRule> rules = new ArrayList<>();
        for (int t = (int) Math.ceil(s.candidateThreshold() * 100 - 1e-9); t <= 100; t++) {
            rules.add(AcceptRule.biOnly(t / 100.0));
        }
        return rules;
    }
}
