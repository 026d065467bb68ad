package dev.crossbench.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Relevance judgements: for each query id, the judged document ids and their integer grades. As in
 * trec_eval, a document is relevant when its grade is at least 1; grade 0 (or below) means judged
 * not relevant.
 */
public final class Qrels {
    private final Path source;
    private final Map<String, Map<String, Integer>> byQuery;

    public Qrels(Path source, Map<String, Map<String, Integer>> byQuery) {
        this.source = source;
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        byQuery.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
        this.byQuery = Collections.unmodifiableMap(copy);
    }

    public Path source() {
        return source;
    }

    /** Judgements of one query; empty when it has none. */
    public Map<String, Integer> judgements(String queryId) {
        return byQuery.getOrDefault(queryId, Map.of());
    }

    public boolean hasJudgements(String queryId) {
        return byQuery.containsKey(queryId);
    }

    public Set<String> queryIds() {
        return byQuery.keySet();
    }

    public Map<String, Map<String, Integer>> asMap() {
        return byQuery;
    }

    public int judgementCount() {
        return byQuery.values().stream().mapToInt(Map::size).sum();
    }

    public static boolean isRelevant(int grade) {
        return grade >= 1;
    }
}
