package dev.crossbench.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that corpus, queries and qrels fit together. Judgements of documents or queries that are not in
 * the files are kept (trec_eval counts an unretrievable relevant document as missed) but reported with
 * counts; a query set that shares no id with the qrels cannot be evaluated and is an error.
 */
public final class RetrievalDataCheck {
    private static final int EXAMPLES = 5;

    private RetrievalDataCheck() {}

    /** What was found; {@link #warnings()} are one-line messages for the user. */
    public record Report(int judgements, int judgementsOfUnknownDocuments, Set<String> unknownDocumentExamples,
            int unknownDocuments, int judgementsOfUnknownQueries, int unknownQueries, int queriesWithJudgements,
            int queriesWithoutJudgements, int queriesWithoutRelevantDocument, List<String> warnings) {}

    public static Report check(Corpus corpus, QuerySet queries, Qrels qrels) {
        Set<String> queryIds = new LinkedHashSet<>();
        queries.queries().forEach(q -> queryIds.add(q.id()));
        int unknownDocJudgements = 0;
        Set<String> unknownDocs = new LinkedHashSet<>();
        int unknownQueryJudgements = 0;
        int unknownQueries = 0;
        for (Map.Entry<String, Map<String, Integer>> e : qrels.asMap().entrySet()) {
            if (!queryIds.contains(e.getKey())) {
                unknownQueries++;
                unknownQueryJudgements += e.getValue().size();
            }
            for (String doc : e.getValue().keySet()) {
                if (!corpus.contains(doc)) {
                    unknownDocJudgements++;
                    unknownDocs.add(doc);
                }
            }
        }
        int judged = 0;
        int withoutRelevant = 0;
        for (String q : queryIds) {
            if (qrels.hasJudgements(q)) {
                judged++;
                if (qrels.judgements(q).values().stream().noneMatch(Qrels::isRelevant)) {
                    withoutRelevant++;
                }
            }
        }
        if (judged == 0) {
            throw new DataFormatException(queries.source(), 0, "none of the " + queries.size() + " queries has a"
                    + " judgement in " + qrels.source() + ": do the ids match? (query ids look like "
                    + examples(queryIds) + ", qrels query ids like " + examples(qrels.queryIds()) + ")");
        }
        List<String> warnings = new ArrayList<>();
        if (unknownDocJudgements > 0) {
            warnings.add(qrels.source() + ": " + unknownDocJudgements + " judgement(s) name " + unknownDocs.size()
                    + " document id(s) not in the corpus (e.g. " + examples(unknownDocs)
                    + "); relevant ones count as never retrieved");
        }
        if (unknownQueries > 0) {
            warnings.add(qrels.source() + ": " + unknownQueries + " judged query id(s) (" + unknownQueryJudgements
                    + " judgements) are not in " + queries.source() + "; they are not evaluated");
        }
        if (judged < queryIds.size()) {
            warnings.add(queries.source() + ": " + (queryIds.size() - judged) + " of " + queryIds.size()
                    + " queries have no judgements and are skipped");
        }
        if (withoutRelevant > 0) {
            warnings.add(withoutRelevant + " judged queries have no relevant document (grade >= 1); they score 0,"
                    + " as in trec_eval");
        }
        Set<String> shown = new LinkedHashSet<>(new ArrayList<>(unknownDocs).subList(0, Math.min(EXAMPLES, unknownDocs.size())));
        return new Report(qrels.judgementCount(), unknownDocJudgements, shown, unknownDocs.size(), unknownQueryJudgements,
                unknownQueries, judged, queryIds.size() - judged, withoutRelevant, List.copyOf(warnings));
    }

    private static String examples(Set<String> ids) {
        List<String> first = new ArrayList<>();
        for (String id : ids) {
            first.add("'" + id + "'");
            if (first.size() == 3) {
                break;
            }
        }
        return String.join(", ", first);
    }
}
