package dev.crossbench.cli;

import dev.crossbench.app.CorpusIndexer;
import dev.crossbench.app.SearchService;
import dev.crossbench.core.ControlChars;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.CorpusReader;
import dev.crossbench.index.CacheOutcome;
import dev.crossbench.model.cross.CrossEncoder;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.search.CrossEncoderReranker;
import dev.crossbench.search.SearchHit;
import dev.crossbench.search.TwoStageResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", description = "Search a corpus: the bi-encoder's top hits and, with --cross, the reranked list beside them with rank changes.")
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bi", required = true, description = "Bi-encoder: built-in name, folder or hub id.")
    String bi;

    @Mixin
    CrossOptions cross;

    @Mixin
    RetrievalOptions retrieval;

    @Parameters(arity = "1..*", description = "Query text (several words are joined with spaces).")
    List<String> query;

    @Option(names = "--k", defaultValue = "100", description = "Bi-encoder candidates reranked. Default: ${DEFAULT-VALUE}")
    int k;

    @Option(names = "--top", defaultValue = "10", description = "Hits shown. Default: ${DEFAULT-VALUE}")
    int top;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Also write the hits as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        new CommandPaths().input("--corpus", retrieval.corpus).model("--bi", bi).model("--cross", cross.cross)
                .output("--json", json).check();
        PrintWriter out = spec.commandLine().getOut();
        String text = String.join(" ", query);
        Corpus corpus = CorpusReader.read(retrieval.corpus);
        if (k > corpus.size()) {
            out.printf("note: K=%d is larger than the corpus (%d documents): all are ranked%n", k, corpus.size());
        }
        PhaseProgress progress = new PhaseProgress(spec.commandLine().getErr());
        TwoStageResult r;
        SearchService service;
        try (BiEncoder enc = modelOptions.open(spec.commandLine().getErr(), bi, retrieval.overrides(modelOptions));
                CrossEncoder ce = cross.present() ? cross.open(spec.commandLine().getErr()) : null) {
            service = SearchService.open(CorpusIndexer.standard(), corpus, retrieval.format(), enc,
                    ce == null ? null : new CrossEncoderReranker(ce), retrieval.indexChoice(), progress,
                    () -> Thread.currentThread().isInterrupted());
            progress.done();
            if (service.indexed().embeddings().outcome() == CacheOutcome.UNCACHED) {
                spec.commandLine().getErr().println("note: " + service.indexed().embeddings().note());
            }
            r = service.search(text, k);
        } finally {
            progress.done();
        }
        out.printf("query: %s%n", ControlChars.escape(text));
        out.printf(Locale.ROOT, "encode %.1f ms, search %.2f ms (%s over %d documents)%s%n%n", r.encodeNanos() / 1e6,
                r.searchNanos() / 1e6, service.indexed().index().description(), corpus.size(),
                r.isReranked() ? String.format(Locale.ROOT, ", rerank of %d candidates %.0f ms", r.firstStage().size(),
                        r.rerankNanos() / 1e6) : "");
        int n = Math.min(top, r.firstStage().size());
        TextTable t = r.isReranked()
                ? new TextTable("rank", "bi-encoder", "cosine", "reranked", "cross score", "change", "text")
                : new TextTable("rank", "bi-encoder", "cosine", "text");
        for (int i = 0; i < n; i++) {
            SearchHit b = r.firstStage().get(i);
            if (r.isReranked()) {
                SearchHit c = r.reranked().get(i);
                t.row(i + 1, b.docId(), String.format(Locale.ROOT, "%.4f", b.biScore()), c.docId(),
                        String.format(Locale.ROOT, "%.4f", c.rerankScore()), change(c), snippet(service.documentText(c.row())));
            } else {
                t.row(i + 1, b.docId(), String.format(Locale.ROOT, "%.4f", b.biScore()), snippet(service.documentText(b.row())));
            }
        }
        t.print(out);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("query", text);
        j.put("encodeMs", r.encodeNanos() / 1e6);
        j.put("searchMs", r.searchNanos() / 1e6);
        j.put("rerankMs", r.rerankNanos() / 1e6);
        j.put("firstStage", hits(r.firstStage().subList(0, n)));
        j.put("reranked", r.isReranked() ? hits(r.reranked().subList(0, n)) : null);
        JsonOutput.write(json, j);
        return 0;
    }

    /** "^3" moved up three places, "v2" down two, "=" unchanged, from the bi-encoder rank. */
    private static String change(SearchHit h) {
        int c = h.rankChange();
        return c > 0 ? "^" + c : c < 0 ? "v" + (-c) : "=";
    }

    private static String snippet(String text) {
        String s = text.replaceAll("\\s+", " ");
        return s.length() > 70 ? s.substring(0, 67) + "..." : s;
    }

    private static List<Map<String, Object>> hits(List<SearchHit> hits) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SearchHit h : hits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", h.rank());
            m.put("id", h.docId());
            m.put("biScore", h.biScore());
            m.put("firstStageRank", h.firstStageRank());
            m.put("crossScore", Double.isNaN(h.rerankScore()) ? null : h.rerankScore());
            out.add(m);
        }
        return out;
    }
}
