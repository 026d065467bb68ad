package dev.crossbench.ui.search;

import dev.crossbench.data.Document;
import dev.crossbench.search.SearchHit;

/**
 * A hit as a table row: the hit, its document, and its judged grade for the query (null when not
 * judged, or the query is not a loaded one).
 */
public record HitRow(SearchHit hit, Document document, Integer grade) {

    /** "✓ 2" judged relevant with its grade, "✗" judged not relevant, "" not judged. */
    public String judged() {
        if (grade == null) {
            return "";
        }
        return grade >= 1 ? "✓ " + grade : "✗";
    }

    /** "▲3" moved up three places by reranking, "▼2" down two, "=" kept its place. */
    public String rankChange() {
        int c = hit.rankChange();
        return c > 0 ? "▲" + c : c < 0 ? "▼" + (-c) : "=";
    }
}
