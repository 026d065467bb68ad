package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each accepted format, read from small files. */
class PairReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertPair(LabeledPair pair, String s1, String s2, double score) {
        assertEquals(new LabeledPair(s1, s2, score), pair);
    }

    @Test
    void readsStsbTsvSplittingOnTabsOnlyAndIgnoringExtraColumns() throws IOException {
        Path file = write("sts-mini.csv",
                "main-captions\tMSRvid\t2012test\t0024\t2.500\tA girl is styling her hair.\tA girl is brushing her hair.\n"
                + "main-news\theadlines\t2013\t0001\t4\t\"Tony's not feeling well,\" he said.\tHe said, \"Tony is ill\t"
                + "extra1\textra2\n");
        PairDataset data = PairReader.read(file);
        assertEquals(2, data.size());
        assertEquals("sts-mini", data.name());
        assertEquals(file, data.source().orElseThrow());
        assertPair(data.get(0), "A girl is styling her hair.", "A girl is brushing her hair.", 2.5);
        assertPair(data.get(1), "\"Tony's not feeling well,\" he said.", "He said, \"Tony is ill", 4.0);
    }

    @Test
    void readsSickStyleTsvWithHeader() throws IOException {
        Path file = write("SICK_trial.txt", "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n"
                + "1\tThe young boys are playing outdoors\tThe kids are playing outdoors\t4.6\tENTAILMENT\n"
                + "2\tA \"man\" sings\tNobody sings\t1\tCONTRADICTION\n");
        PairDataset data = PairReader.read(file);
        assertEquals(2, data.size());
        assertPair(data.get(0), "The young boys are playing outdoors", "The kids are playing outdoors", 4.6);
        assertPair(data.get(1), "A \"man\" sings", "Nobody sings", 1.0);
    }

    @Test
    void readsCsvWithRfc4180Quoting() throws IOException {
        Path file = write("pairs.csv", "sentence1,sentence2,score\r\n"
                + "plain,text,0.5\r\n"
                + "\"with, comma\",\"a \"\"quoted\"\" word\",1\r\n"
                + "\"two\r\nlines\",x,-2.5e-1\r\n"
                + "\r\n"
                + "last,\"\"\"\",0\r\n");
        PairDataset data = PairReader.read(file);
        assertEquals(4, data.size());
        assertPair(data.get(0), "plain", "text", 0.5);
        assertPair(data.get(1), "with, comma", "a \"quoted\" word", 1.0);
        assertPair(data.get(2), "two\nlines", "x", -0.25);
        assertPair(data.get(3), "last", "\"", 0.0);
    }

    @Test
    void matchesHeaderAliasesCaseInsensitivelyInAnyOrder() throws IOException {
        Path file = write("aliases.csv", "id,LABEL,Text_B,\"text_a\"\n7,1,second,first\n");
        assertPair(PairReader.read(file).get(0), "first", "second", 1.0);
        Path queries = write("q.csv", "query,passage,label\nwhat is it,it is this,1\n");
        assertPair(PairReader.read(queries).get(0), "what is it", "it is this", 1.0);
        Path short_ = write("s.csv", "s1,s2,similarity\na,b,3\n");
        assertPair(PairReader.read(short_).get(0), "a", "b", 3.0);
    }

    @Test
    void prefersAScoreColumnOverALabelColumn() throws IOException {
        Path file = write("both.tsv", "sentence1\tsentence2\tlabel\tscore\na\tb\t1\t0.25\n");
        assertEquals(0.25, PairReader.read(file).get(0).score());
    }

    @Test
    void readsTsvWithHeader() throws IOException {
        Path file = write("pairs.tsv", "sentence1\tsentence2\tscore\n\"quoted\" start\tsecond, with comma\t3\n");
        assertPair(PairReader.read(file).get(0), "\"quoted\" start", "second, with comma", 3.0);
    }

    @Test
    void readsJsonLines() throws IOException {
        Path file = write("pairs.jsonl", "{\"sentence1\": \"a\", \"sentence2\": \"b\", \"score\": 0.8}\n"
                + "\n"
                + "{\"text_a\": \"c \\\"q\\\"\", \"text_b\": \"d\\ne\", \"label\": 1, \"extra\": [1, 2]}\n"
                + "{\"query\": \"q\", \"passage\": \"p\", \"label\": \"0.5\"}\n");
        PairDataset data = PairReader.read(file);
        assertEquals(3, data.size());
        assertPair(data.get(0), "a", "b", 0.8);
        assertPair(data.get(1), "c \"q\"", "d\ne", 1.0);
        assertPair(data.get(2), "q", "p", 0.5);
    }

    @Test
    void stripsByteOrderMarkAndSkipsBlankLines() throws IOException {
        Path file = write("bom.csv", "\uFEFFsentence1,sentence2,score\n\n  \na,b,1\n\n");
        PairDataset data = PairReader.read(file);
        assertEquals(1, data.size());
        assertPair(data.get(0), "a", "b", 1.0);
    }

    @Test
    void readsUnicodeText() throws IOException {
        Path file = write("u.jsonl", "{\"s1\": \"Grüße – 東京 🙂\", \"s2\": \"ok\", \"score\": 2}\n");
        assertEquals("Grüße – 東京 🙂", PairReader.read(file).get(0).sentence1());
    }

    @Test
    void acceptsTrailingEmptyColumnsAsSpreadsheetsWriteThem() throws IOException {
        Path file = write("excel.csv", "sentence1,sentence2,score\na,b,1,,\n");
        assertPair(PairReader.read(file).get(0), "a", "b", 1.0);
    }

    @Test
    void keepsScoresInTheirOwnUnitsAndRecordsTheObservedRange() throws IOException {
        Path file = write("range.csv", "sentence1,sentence2,score\na,b,1\nc,d,5\ne,f,3\n");
        PairDataset data = PairReader.read(file);
        assertEquals(1.0, data.minScore());
        assertEquals(5.0, data.maxScore());
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), data.uniqueSentences());
    }
}
