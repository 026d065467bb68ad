package dev.crossbench.data;

import java.util.List;
import java.util.Locale;

/** The three roles a labeled-pair file must fill, each with the column/field names accepted for it. */
enum PairColumn {
    SENTENCE1("sentence1", List.of("sentence1", "sentence_a", "text_a", "s1", "query")),
    SENTENCE2("sentence2", List.of("sentence2", "sentence_b", "text_b", "s2", "passage")),
    // Earlier names win, so SICK's relatedness_score is used even if a file also has a label column.
    SCORE("score", List.of("score", "similarity", "relatedness_score", "label"));

    /** How the accepted names are described in error messages; {@code noun} is "columns" or "fields". */
    static String expected(String noun) {
        return "expected " + noun + " sentence1, sentence2, score"
                + " (or text_a/text_b, sentence_A/sentence_B, query/passage, s1/s2;"
                + " label/similarity/relatedness_score for the score)";
    }

    private final String role;
    private final List<String> aliases;

    PairColumn(String role, List<String> aliases) {
        this.role = role;
        this.aliases = aliases;
    }

    /** The role's name as used in messages, e.g. "sentence1". */
    String role() {
        return role;
    }

    /** Priority of a name for this role (lower is preferred), or -1 when the name does not fit it. */
    int rank(String name) {
        return aliases.indexOf(normalise(name));
    }

    /** Header names are compared trimmed, unquoted and case-insensitively. */
    static String normalise(String name) {
        String n = name.strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1).strip();
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
