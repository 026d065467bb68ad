package dev.crossbench.data;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Queries in file order, ids unique. */
public final class QuerySet {
    private final Path source;
    private final List<Query> queries;

    public QuerySet(Path source, List<Query> queries) {
        this.source = source;
        this.queries = List.copyOf(queries);
        Set<String> seen = new HashSet<>();
        for (Query q : this.queries) {
            if (!seen.add(q.id())) {
                throw new IllegalArgumentException("duplicate query id '" + q.id() + "'");
            }
        }
    }

    public Path source() {
        return source;
    }

    public List<Query> queries() {
        return queries;
    }

    public int size() {
        return queries.size();
    }

    public QuerySet filter(Predicate<Query> keep) {
        return new QuerySet(source, queries.stream().filter(keep).toList());
    }
}
