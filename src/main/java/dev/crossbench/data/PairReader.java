package dev.crossbench.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads labeled pairs from a UTF-8 file, recognising the format from its content:
 *
 * <ul>
 *   <li>JSON Lines: the first non-blank line starts with '{';
 *   <li>the original STS-B TSV: no header, TAB-separated, at least 7 columns and a number in column 5;
 *   <li>TSV with a header (SICK and others): the first line has a TAB; split on TAB only, no quoting;
 *   <li>otherwise CSV with a header, quoted as in RFC 4180.
 * </ul>
 *
 * Header and JSON names are matched case-insensitively: sentence1/sentence_A/text_a/s1/query,
 * sentence2/sentence_B/text_b/s2/passage and score/similarity/relatedness_score/label. Blank lines are
 * skipped. Any problem is a {@link DataFormatException} naming the file and line.
 */
public final class PairReader {
    /** Longest text accepted in one field: far beyond any model's input, short of filling memory. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** Longest line or CSV record; room for both texts and a few metadata columns. */
    static final int MAX_RECORD_CHARS = 1_000_000;

    private PairReader() {
    }

    public static PairDataset read(Path file) {
        checkIsReadableFile(file);
        try (TextLines lines = TextLines.open(file, MAX_RECORD_CHARS)) {
            List<LabeledPair> pairs = readPairs(file, lines);
            return new PairDataset(baseName(file), file, pairs);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, 0, "file not found");
        } catch (AccessDeniedException e) {
            throw new DataFormatException(file, 0, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "cannot read the file: " + e.getMessage());
        }
    }

    private static List<LabeledPair> readPairs(Path file, TextLines lines) throws IOException {
        TextLines.Line first = lines.nextNonBlank();
        if (first == null) {
            throw new DataFormatException(file, 0, "no pairs: the file is empty");
        }
        PairFields fields = new PairFields(file, MAX_TEXT_CHARS);
        String start = first.text().strip();
        lines.unread(first);
        List<LabeledPair> pairs;
        if (start.startsWith("{")) {
            pairs = JsonLinesPairs.read(lines, fields, file);
        } else if (start.startsWith("[")) {
            throw new DataFormatException(file, first.number(),
                    "a JSON array is not supported: write one JSON object per line (JSON Lines)");
        } else if (first.text().indexOf('\t') >= 0) {
            TsvRows rows = new TsvRows(lines);
            pairs = DelimitedPairs.looksLikeStsb(first.text())
                    ? DelimitedPairs.readStsb(rows, fields, file)
                    : DelimitedPairs.readWithHeader(rows, fields, file, "a tab inside a text?");
        } else {
            CsvRows rows = new CsvRows(file, lines, MAX_RECORD_CHARS);
            pairs = DelimitedPairs.readWithHeader(rows, fields, file,
                    "a comma inside a text? Put such a field in double quotes");
        }
        return pairs;
    }

    private static void checkIsReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new DataFormatException(file, 0, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, 0, "is a directory, not a file of pairs");
        }
        if (!Files.isReadable(file)) {
            throw new DataFormatException(file, 0, "cannot read the file: permission denied");
        }
    }

    /** "sts-test" for sts-test.csv: the name shown for the data set. */
    static String baseName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
