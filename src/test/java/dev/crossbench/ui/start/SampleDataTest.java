package dev.crossbench.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {
    @TempDir
    Path dir;

    private Path pairs() throws IOException {
        Path p = Files.writeString(dir.resolve(SampleData.PAIRS_FILE), "sentence1,sentence2,score\n");
        for (String f : new String[] {SampleData.CORPUS_FILE, SampleData.QUERIES_FILE, SampleData.QRELS_FILE}) {
            Files.writeString(dir.resolve(f), "");
        }
        return p;
    }

    @Test
    void theFirstStartOpensTheSquadSampleWhenItIsComplete() throws IOException {
        Path pairs = pairs();
        Path squad = Files.createDirectories(dir.resolve(SampleData.RETRIEVAL_FOLDER));
        for (String f : new String[] {SampleData.CORPUS_FILE, SampleData.QUERIES_FILE, SampleData.QRELS_FILE}) {
            Files.writeString(squad.resolve(f), "");
        }
        assertEquals(Optional.of(squad.resolve(SampleData.QRELS_FILE)), SampleData.retrievalSample(pairs, SampleData.QRELS_FILE));
    }

    @Test
    void withoutAllThreeSquadFilesTheCollectionBesideThePairsIsOpened() throws IOException {
        Path pairs = pairs();
        Path squad = Files.createDirectories(dir.resolve(SampleData.RETRIEVAL_FOLDER));
        Files.writeString(squad.resolve(SampleData.CORPUS_FILE), "");
        assertEquals(Optional.of(dir.resolve(SampleData.CORPUS_FILE)), SampleData.retrievalSample(pairs, SampleData.CORPUS_FILE));
    }
}
