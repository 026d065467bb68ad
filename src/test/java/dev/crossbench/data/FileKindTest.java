package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKindTest {

    @Test
    void theSampleFilesAreToldApartByName() {
        assertEquals(FileKind.CORPUS, FileKind.detect(Path.of("sample-data", "corpus.jsonl")));
        assertEquals(FileKind.QUERIES, FileKind.detect(Path.of("sample-data", "queries.jsonl")));
        assertEquals(FileKind.QRELS, FileKind.detect(Path.of("sample-data", "qrels.tsv")));
        assertEquals(FileKind.PAIRS, FileKind.detect(Path.of("sample-data", "pairs-test.csv")));
    }

    @Test
    void withoutATellingNameTheContentDecides(@TempDir Path dir) throws Exception {
        assertEquals(FileKind.CORPUS, kindOf(dir, "a.jsonl", "{\"_id\": \"d1\", \"title\": \"T\", \"text\": \"some text\"}"));
        assertEquals(FileKind.QUERIES, kindOf(dir, "b.jsonl", "{\"_id\": \"q1\", \"text\": \"what is it\"}"));
        assertEquals(FileKind.PAIRS, kindOf(dir, "c.jsonl", "{\"sentence1\": \"a b\", \"sentence2\": \"c d\", \"score\": 3.5}"));
        assertEquals(FileKind.QRELS, kindOf(dir, "test.tsv", "query-id\tcorpus-id\tscore", "q1\td1\t1", "q1\td2\t0"));
        assertEquals(FileKind.QRELS, kindOf(dir, "judged.txt", "301 0 FBIS3-10082 1", "301 0 FBIS3-10169 0"));
        assertEquals(FileKind.QUERIES, kindOf(dir, "topics.tsv", "1\twhat is a cat", "2\thow do birds fly"));
        assertEquals(FileKind.CORPUS, kindOf(dir, "docs.csv", "id,title,text", "d1,T,some text"));
        assertEquals(FileKind.PAIRS, kindOf(dir, "sts.tsv", "A man plays.\tA man is playing.\t4.2"));
        assertEquals(FileKind.PAIRS, kindOf(dir, "sts.csv", "sentence1,sentence2,score", "a b,c d,1.0"));
        assertEquals(FileKind.PAIRS, kindOf(dir, "empty.txt"));
    }

    private static FileKind kindOf(Path dir, String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return FileKind.detect(f);
    }
}
