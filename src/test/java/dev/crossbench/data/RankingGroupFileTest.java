package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingGroupFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenGroupsReadBackUnchanged() {
        List<RankingGroup> groups = List.of(
                new RankingGroup("q1", "what \"quoted\" text?", List.of("relevant\nline two"), List.of("n1", "n2")),
                new RankingGroup("7", "numeric id", List.of("a", "b"), List.of()));
        Path f = dir.resolve("sub/groups.jsonl");
        RankingGroupFile.write(f, groups);
        assertEquals(groups, RankingGroupFile.read(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "no temp file left beside the output");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badGroupsNameTheLineAndTheField() throws IOException {
        String ok = "{\"query_id\":\"q1\",\"query\":\"x\",\"positives\":[\"p\"],\"negatives\":[\"n\"]}";
        assertError(ok + "\n" + ok, 2, "duplicate query_id 'q1'");
        assertError("{\"query_id\":\"q1\",\"query\":\"x\",\"positives\":[],\"negatives\":[\"n\"]}", 1, "\"positives\" is empty");
        assertError("{\"query_id\":\"q1\",\"query\":\"x\",\"positives\":[\"p\"]}", 1, "field \"negatives\" must be an array");
        assertError("{\"query_id\":\"q1\",\"query\":\"x\",\"positives\":[\"p\", 3],\"negatives\":[]}", 1, "\"positives\"[1] must be a non-empty text");
        assertError("{\"query_id\":\"q1\",\"query\":\"  \",\"positives\":[\"p\"],\"negatives\":[]}", 1, "empty query text");
        assertError("\n{\"sentence1\":\"a\",\"sentence2\":\"b\",\"score\":1}", 2, "this is a pair file");
        assertError("{\"query_id\":\"q1\",", 1, "invalid JSON");
        assertError("", 0, "no ranking groups: the file is empty");
    }

    private void assertError(String content, long line, String expected) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.jsonl"), content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> RankingGroupFile.read(f));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("bad.jsonl"), e.getMessage());
    }
}
