package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.testutil.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalReadersTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsBeirJsonlCorpusWithTitles() throws IOException {
        Corpus c = CorpusReader.read(file("corpus.jsonl", "{\"_id\": \"d1\", \"title\": \"T\", \"text\": \"body one\"}\n"
                + "\n{\"_id\": 7, \"text\": \"no title\"}\n"));
        assertEquals(2, c.size());
        assertEquals("T body one", DocumentFormat.TITLE_AND_TEXT.apply(c.get(0)));
        assertEquals("body one", DocumentFormat.TEXT_ONLY.apply(c.get(0)));
        assertEquals("no title", DocumentFormat.TITLE_AND_TEXT.apply(c.get(1)));
        assertEquals(1, c.row("7").orElseThrow());
    }

    @Test
    void readsCsvTsvAndPlainTextCorpora() throws IOException {
        Corpus csv = CorpusReader.read(file("c.csv", "id,title,text\na,\"Hello, world\",\"x, y\"\nb,,z\n"));
        assertEquals(List.of("Hello, world x, y", "z"), csv.texts(DocumentFormat.TITLE_AND_TEXT));
        Corpus tsv = CorpusReader.read(file("c.tsv", "doc_id\tcontents\n1\tfirst\n2\tsecond\n"));
        assertEquals("second", tsv.get(1).text());
        Corpus txt = CorpusReader.read(file("c.txt", "alpha\nbeta, with comma\tand tab\n"));
        assertEquals("2", txt.get(1).id());
        assertEquals("beta, with comma\tand tab", txt.get(1).text());
    }

    @Test
    void corpusErrorsNameFileAndLine() throws IOException {
        Path dup = file("dup.jsonl", "{\"_id\":\"a\",\"text\":\"x\"}\n{\"_id\":\"b\",\"text\":\"y\"}\n{\"_id\":\"a\",\"text\":\"z\"}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CorpusReader.read(dup));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("duplicate document id 'a' (first on line 1)"), e.getMessage());

        Path empty = file("empty.jsonl", "\n\n");
        assertTrue(assertThrows(DataFormatException.class, () -> CorpusReader.read(empty)).getMessage()
                .contains("empty corpus"));
        Path blank = file("blank.jsonl", "{\"_id\":\"a\",\"title\":\"\",\"text\":\"  \"}\n");
        assertTrue(assertThrows(DataFormatException.class, () -> CorpusReader.read(blank)).getMessage()
                .contains("blank.jsonl:1: document 'a' is empty"));
        Path noText = file("notext.jsonl", "{\"_id\":\"a\",\"body2\":\"x\"}\n");
        assertTrue(assertThrows(DataFormatException.class, () -> CorpusReader.read(noText)).getMessage()
                .contains("no text field"));
        Path header = file("bad.csv", "name,value\na,b\n");
        assertTrue(assertThrows(DataFormatException.class, () -> CorpusReader.read(header)).getMessage()
                .contains("must name an id column"));
        Path ragged = file("ragged.tsv", "id\ttext\na\tx\tEXTRA\n");
        assertEquals(2, assertThrows(DataFormatException.class, () -> CorpusReader.read(ragged)).line());
        assertTrue(assertThrows(DataFormatException.class, () -> CorpusReader.read(dir.resolve("missing.jsonl")))
                .getMessage().contains("file not found"));
    }

    @Test
    void readsQueriesAsJsonlOrTsv() throws IOException {
        assertEquals("why", QueriesReader.read(file("q.jsonl", "{\"_id\":\"1\",\"text\":\"why\"}\n")).queries().get(0).text());
        QuerySet noHeader = QueriesReader.read(file("q.tsv", "1\twhat is x\n2\twhy y\n"));
        assertEquals(2, noHeader.size());
        QuerySet withHeader = QueriesReader.read(file("q2.tsv", "qid\tquery\n1\twhat is x\n"));
        assertEquals(List.of(new Query("1", "what is x")), withHeader.queries());
        Path dup = file("dup.tsv", "1\ta\n1\tb\n");
        assertEquals(2, assertThrows(DataFormatException.class, () -> QueriesReader.read(dup)).line());
        Path empty = file("e.tsv", "1\t \n");
        assertTrue(assertThrows(DataFormatException.class, () -> QueriesReader.read(empty)).getMessage()
                .contains("query '1' has an empty text"));
    }

    @Test
    void readsBeirAndTrecQrels() throws IOException {
        Qrels beir = QrelsReader.read(file("test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t2\nq2\td1\t0\n"));
        assertEquals(Map.of("d1", 1, "d2", 2), beir.judgements("q1"));
        assertEquals(3, beir.judgementCount());
        Qrels trec = QrelsReader.read(file("qrels.txt", "q1 0 d1 1\nq1 0 d3 0\nq2 Q0 d9 3\n"));
        assertEquals(Map.of("d9", 3), trec.judgements("q2"));
        assertTrue(trec.judgements("nope").isEmpty());

        Path badGrade = file("g.tsv", "query-id\tcorpus-id\tscore\nq1\td1\thigh\n");
        assertTrue(assertThrows(DataFormatException.class, () -> QrelsReader.read(badGrade)).getMessage()
                .contains("g.tsv:2: relevance grade 'high' is not an integer"));
        Path twice = file("t.tsv", "q1\td1\t1\nq1\td1\t0\n");
        assertTrue(assertThrows(DataFormatException.class, () -> QrelsReader.read(twice)).getMessage()
                .contains("judged twice (first on line 1)"));
        Path mixed = file("m.txt", "q1 0 d1 1\nq1 d2 1\n");
        assertEquals(2, assertThrows(DataFormatException.class, () -> QrelsReader.read(mixed)).line());
    }

    @Test
    void checkCountsUnknownIdsAndRefusesQueriesWithoutAnyJudgement() throws IOException {
        Corpus corpus = CorpusReader.read(file("c.txt", "one\ntwo\n"));
        QuerySet queries = QueriesReader.read(file("q.tsv", "q1\tfirst\nq2\tsecond\nq3\tthird\n"));
        Qrels qrels = QrelsReader.read(file("r.tsv", "q1\t1\t1\nq1\t99\t1\nq1\t98\t0\nq2\t2\t0\nqX\t1\t1\n"));
        RetrievalDataCheck.Report r = RetrievalDataCheck.check(corpus, queries, qrels);
        assertEquals(2, r.judgementsOfUnknownDocuments());
        assertEquals(2, r.unknownDocuments());
        assertEquals(1, r.unknownQueries());
        assertEquals(2, r.queriesWithJudgements());
        assertEquals(1, r.queriesWithoutJudgements());
        assertEquals(1, r.queriesWithoutRelevantDocument());
        assertEquals(4, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("2 judgement(s) name 2 document id(s) not in the corpus (e.g. '99', '98')"),
                r.warnings().get(0));

        QuerySet other = QueriesReader.read(file("o.tsv", "a\tx\nb\ty\n"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> RetrievalDataCheck.check(corpus, other, qrels));
        assertTrue(e.getMessage().contains("none of the 2 queries has a judgement"), e.getMessage());
    }

    @Test
    void readsSciFact() {
        Corpus corpus = CorpusReader.read(SharedData.scifact("corpus.jsonl"));
        QuerySet queries = QueriesReader.read(SharedData.scifact("queries.jsonl"));
        Qrels test = QrelsReader.read(SharedData.scifact("qrels/test.tsv"));
        assertEquals(5183, corpus.size());
        assertEquals(1109, queries.size());
        assertEquals(300, test.queryIds().size());
        assertEquals(339, test.judgementCount());
        RetrievalDataCheck.Report r = RetrievalDataCheck.check(corpus, queries, test);
        assertEquals(0, r.judgementsOfUnknownDocuments());
        assertEquals(300, r.queriesWithJudgements());
        assertEquals(809, r.queriesWithoutJudgements());
    }

    // Many real files end without a final newline: the last line is read like any other (issue 11, defect 2).
    @Test
    void pairsFileWithoutFinalNewline() throws IOException {
        PairDataset data = PairReader.read(file("p.csv", "sentence1,sentence2,score\na,b,1\nc,d,2"));
        assertEquals(2, data.size());
        assertEquals(new LabeledPair("c", "d", 2.0), data.get(1));
    }

    @Test
    void qrelsFileWithoutFinalNewline() throws IOException {
        Qrels qrels = QrelsReader.read(file("q.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t2"));
        assertEquals(Map.of("d2", 2), qrels.judgements("q2"));
    }

    @Test
    void corpusAndQueriesWithoutFinalNewline() throws IOException {
        assertEquals(2, CorpusReader.read(file("c.txt", "one\ntwo")).size());
        assertEquals(2, QueriesReader.read(file("q.jsonl",
                "{\"_id\":\"1\",\"text\":\"a\"}\n{\"_id\":\"2\",\"text\":\"b\"}")).size());
    }

    @Test
    void readingPastTheEndKeepsAnsweringNull() throws IOException {
        for (String content : new String[] {"x", "x\n", "x\r", "", "\uFEFF"}) {
            try (TextLines lines = TextLines.open(file("t.txt", content), 100)) {
                while (lines.next() != null) {
                    // drain
                }
                assertNull(lines.next(), content);
                assertNull(lines.next(), content);
            }
        }
    }
}
