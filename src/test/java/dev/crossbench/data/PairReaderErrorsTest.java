package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rejected input gets a message naming the file, the line (when there is one) and the problem. */
class PairReaderErrorsTest {
    private static final String CSV_HEADER = "sentence1,sentence2,score\n";
    private static final String STSB_ROW = "g\tf\t2012\t0001\t2.5\tone\ttwo\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Reads the file expecting failure on the given line (0: no line) with a message holding each fragment. */
    private static DataFormatException assertFails(Path file, long line, String... fragments) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> PairReader.read(file));
        String message = e.getMessage();
        assertTrue(message.contains(file.getFileName().toString()), message);
        assertEquals(line, e.line(), message);
        if (line > 0) {
            assertTrue(message.contains(file.getFileName() + ":" + line + ": "), message);
        }
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "expected '" + fragment + "' in: " + message);
        }
        assertTrue(!message.contains("\n"), "one-line message: " + message);
        return e;
    }

    @Test
    void missingFile() {
        assertFails(dir.resolve("nope.csv"), 0, "file not found");
    }

    @Test
    void directory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("folder.csv"));
        assertFails(sub, 0, "is a directory");
    }

    @Test
    void emptyFile() throws IOException {
        assertFails(write("empty.csv", ""), 0, "no pairs: the file is empty");
        assertFails(write("blank.tsv", "\uFEFF\n  \n\t\n"), 0, "no pairs: the file is empty");
    }

    @Test
    void headerWithoutRows() throws IOException {
        assertFails(write("header-only.csv", "\n" + CSV_HEADER + "\n"), 2, "no pairs", "header but no rows");
    }

    @Test
    void headerWithoutRecognisableColumnsListsWhatWasFoundAndExpected() throws IOException {
        assertFails(write("cols.csv", "left,right,value\na,b,1\n"), 1,
                "no column for sentence1, sentence2, score", "found ['left', 'right', 'value']",
                "expected columns sentence1, sentence2, score", "text_a/text_b", "the first line must be a header");
        assertFails(write("noscore.tsv", "sentence_A\tsentence_B\tentailment\n"), 1, "no column for score",
                "'sentence_A'", "relatedness_score");
    }

    @Test
    void rowWithTooFewColumns() throws IOException {
        assertFails(write("few.csv", CSV_HEADER + "a,b,1\na,b\n"), 3, "expected 3 columns, found 2");
        assertFails(write("few.tsv", STSB_ROW + STSB_ROW + "g\tf\t2012\t0003\t1\tonly one\n"), 3,
                "expected at least 7 columns", "found 6");
    }

    @Test
    void rowWithExtraTextColumnsSuggestsQuoting() throws IOException {
        assertFails(write("many.csv", CSV_HEADER + "a, with comma,b,1\n"), 2, "expected 3 columns, found 4",
                "double quotes");
    }

    @Test
    void nonNumericScore() throws IOException {
        assertFails(write("abc.csv", CSV_HEADER + "a,b,1\nc,d,abc\n"), 3, "score 'abc' is not a number",
                "column 'score'");
        assertFails(write("comma.tsv", "sentence1\tsentence2\tscore\na\tb\t3,5\n"), 2, "score '3,5' is not a number",
                "with a point");
        assertFails(write("hex.csv", CSV_HEADER + "a,b,0x1p3\n"), 2, "is not a number");
        assertFails(write("blank-score.csv", CSV_HEADER + "a,b, \n"), 2, "score is empty");
        assertFails(write("stsb-bad.csv", STSB_ROW + "g\tf\t2012\t0002\tfive\tx\ty\n"), 2,
                "score 'five' is not a number (column 5)");
    }

    @Test
    void nanAndInfiniteScores() throws IOException {
        assertFails(write("nan.csv", CSV_HEADER + "a,b,NaN\n"), 2, "score 'NaN' is not a finite number");
        assertFails(write("inf.tsv", "s1\ts2\tlabel\na\tb\t-inf\n"), 2, "score '-inf' is not a finite number");
        assertFails(write("huge.csv", CSV_HEADER + "a,b,1e400\n"), 2, "score '1e400' is not a finite number");
        assertFails(write("nan.jsonl", "{\"s1\":\"a\",\"s2\":\"b\",\"score\":1}\n{\"s1\":\"a\",\"s2\":\"b\",\"score\":NaN}\n"),
                2, "score 'NaN' is not a finite number");
    }

    @Test
    void emptySentence() throws IOException {
        assertFails(write("empty-s2.csv", CSV_HEADER + "a,b,1\na,,1\n"), 3, "sentence2 is empty", "column 'sentence2'");
        assertFails(write("empty-s1.tsv", STSB_ROW + "g\tf\t2012\t0002\t1\t  \ttwo\n"), 2, "sentence1 is empty",
                "column 6");
        assertFails(write("empty.jsonl", "{\"text_a\":\"\",\"text_b\":\"b\",\"label\":1}\n"), 1, "sentence1 is empty",
                "field \"text_a\"");
    }

    @Test
    void invalidJsonOnALine() throws IOException {
        String good = "{\"sentence1\":\"a\",\"sentence2\":\"b\",\"score\":1}\n";
        assertFails(write("broken.jsonl", good + good + "{\"sentence1\":\"a\",\"sentence2\":\"b\"\n"), 3, "invalid JSON");
        assertFails(write("unquoted.jsonl", good + "{sentence1:\"a\"}\n"), 2, "invalid JSON", "not standard JSON");
        assertFails(write("two.jsonl", good + good.strip() + good), 2, "invalid JSON", "text after the object");
        assertFails(write("array.jsonl", good + "[1,2]\n"), 2, "expected a JSON object", "an array");
        assertFails(write("whole.json", "[" + good.strip() + "]\n"), 1, "JSON array is not supported");
    }

    @Test
    void jsonWithMissingOrMistypedFields() throws IOException {
        assertFails(write("missing.jsonl", "{\"sentence1\":\"a\",\"text\":\"b\",\"score\":1}\n"), 1,
                "no field for sentence2", "found [sentence1, text, score]");
        assertFails(write("typed.jsonl", "{\"sentence1\":\"a\",\"sentence2\":5,\"score\":1}\n"), 1,
                "sentence2 must be a JSON string, found 5");
        assertFails(write("bool.jsonl", "{\"sentence1\":\"a\",\"sentence2\":\"b\",\"score\":true}\n"), 1,
                "score must be a number, found true");
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpened() throws IOException {
        assertFails(write("unclosed.csv", CSV_HEADER + "a,b,1\n\"never closed,b,1\nc,d,2\n"), 3,
                "quoted field opened on this line is never closed");
        assertFails(write("after.csv", CSV_HEADER + "\"a\"x,b,1\n"), 2, "text after the closing quote of field 1");
    }

    @Test
    void textOverTheLimitIsRejectedNamingLineAndField() throws IOException {
        String longText = "x".repeat(PairReader.MAX_TEXT_CHARS + 1);
        assertFails(write("long.csv", CSV_HEADER + "a,b,1\nshort,\"" + longText + "\",2\n"), 3,
                "sentence2 has 100001 characters", "column 'sentence2'", "limit is 100000");
        assertFails(write("long.tsv", STSB_ROW + "g\tf\t2012\t2\t1\t" + longText + "\tb\n"), 2,
                "sentence1 has 100001 characters", "column 6");
    }

    @Test
    void runawayLinesAndRecordsStopAtTheRecordLimit() throws IOException {
        String huge = "y".repeat(PairReader.MAX_RECORD_CHARS + 10);
        assertFails(write("line.tsv", STSB_ROW + huge + "\n"), 2, "line is over 1000000 characters");
        String manyLines = ("z".repeat(999) + "\n").repeat(PairReader.MAX_RECORD_CHARS / 1000 + 5);
        assertFails(write("runaway.csv", CSV_HEADER + "\"open," + manyLines), 2, "runs past 1000000 characters");
    }

    @Test
    void invalidUtf8NamesItsLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        byte[] head = (CSV_HEADER + "a,b,1\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "caf\u00e9,b,1\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(file, all);
        assertFails(file, 3, "not valid UTF-8");
    }
}
