package dev.crossbench.data;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Checks one row's raw texts and score and turns them into a {@link LabeledPair}, or fails naming line and field. */
final class PairFields {
    // Plain decimal numbers only: Double.parseDouble would also take "0x1p3", "1d" or "NaN".
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");

    private final Path file;
    private final int maxTextChars;

    PairFields(Path file, int maxTextChars) {
        this.file = file;
        this.maxTextChars = maxTextChars;
    }

    /**
     * @param where how the source of each value is named in messages, e.g. " (column 'sentence_A')", indexed by
     *     {@link PairColumn#ordinal()}
     */
    LabeledPair pair(long line, String sentence1, String sentence2, String score, String[] where) {
        String s1 = text(line, sentence1, PairColumn.SENTENCE1, where);
        String s2 = text(line, sentence2, PairColumn.SENTENCE2, where);
        return new LabeledPair(s1, s2, score(line, score, where[PairColumn.SCORE.ordinal()]));
    }

    private String text(long line, String text, PairColumn column, String[] where) {
        String at = where[column.ordinal()];
        if (text.isBlank()) {
            throw new DataFormatException(file, line, column.role() + " is empty" + at);
        }
        if (text.length() > maxTextChars) {
            throw new DataFormatException(file, line, column.role() + " has " + text.length() + " characters" + at
                    + "; the limit is " + maxTextChars);
        }
        return text;
    }

    double score(long line, String raw, String at) {
        String s = raw.strip();
        if (s.isEmpty()) {
            throw new DataFormatException(file, line, "score is empty" + at);
        }
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        if (NOT_FINITE.matcher(s).matches()) {
            throw new DataFormatException(file, line, "score '" + shown + "' is not a finite number" + at);
        }
        if (!DECIMAL.matcher(s).matches()) {
            String hint = DECIMAL_COMMA.matcher(s).matches() ? "; write decimals with a point, e.g. 3.5" : "";
            throw new DataFormatException(file, line, "score '" + shown + "' is not a number" + at + hint);
        }
        double value = Double.parseDouble(s);
        if (!Double.isFinite(value)) {
            throw new DataFormatException(file, line, "score '" + shown + "' is not a finite number" + at);
        }
        return value;
    }

    /** True when the text is a plain decimal number, as the STS-B score column is. */
    static boolean isNumber(String text) {
        return DECIMAL.matcher(text.strip()).matches();
    }
}
