package dev.crossbench.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.FileChecksums;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingStoreTest {
    @TempDir
    Path dir;

    private final List<String> texts = IntStream.range(0, 23).mapToObj(i -> "document " + i + " " + "x".repeat(i % 5)).toList();
    private final List<String> ids = IntStream.range(0, 23).mapToObj(i -> "d" + i).toList();
    private final EmbeddingKey key = new EmbeddingKey("fake/model", "weights-sha", "", 256, "MEAN", true,
            EmbeddingKey.corpusChecksum(ids, texts), 23);
    private final AtomicInteger encodedTexts = new AtomicInteger();

    /** Vector i is (length of text, first digit, 1): easy to check row order after chunking. */
    private final ChunkEncoder fake = (batch, progress, cancelled) -> {
        encodedTexts.addAndGet(batch.size());
        float[][] out = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            String t = batch.get(i);
            out[i] = new float[] {t.length(), Integer.parseInt(t.split(" ")[1]), 1};
        }
        return out;
    };

    @Test
    void secondLoadIsACacheHitWithRowsInCorpusOrder() {
        EmbeddingStore store = new EmbeddingStore(dir, 5);
        StoredEmbeddings first = store.load(key, texts, "fake", fake, (d, t) -> { }, () -> false);
        assertEquals(CacheOutcome.ENCODED, first.outcome());
        assertEquals(5, first.chunksEncoded());
        assertEquals(23, encodedTexts.get());
        for (int i = 0; i < 23; i++) {
            assertEquals(i, first.matrix().row(i)[1], "row " + i);
        }
        StoredEmbeddings second = store.load(key, texts, "fake", fake, (d, t) -> { }, () -> false);
        assertEquals(CacheOutcome.HIT, second.outcome());
        assertEquals(23, encodedTexts.get(), "a hit encodes nothing");
        assertArrayEquals(first.matrix().data(), second.matrix().data());
        assertTrue(Files.exists(dir.resolve("fake_model").resolve(key.digest() + ".npy")));
        assertTrue(Files.notExists(dir.resolve("fake_model").resolve(key.digest() + ".partial")));
    }

    /** Issue 11, defect 5: a read-only cache folder costs the cache, not the work (and says so). */
    @Test
    void anUnwritableCacheFolderEncodesWithoutCaching() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("home"), "a file where the cache folder should be");
        EmbeddingStore store = new EmbeddingStore(notAFolder.resolve("embeddings"), 5);
        StoredEmbeddings s = store.load(key, texts, "fake", fake, (d, t) -> { }, () -> false);
        assertEquals(CacheOutcome.UNCACHED, s.outcome());
        assertTrue(s.note().startsWith("not cached: " + notAFolder.resolve("embeddings") + ": cannot write there"), s.note());
        for (int i = 0; i < 23; i++) {
            assertEquals(i, s.matrix().row(i)[1], "row " + i);
        }
        FileChecksums memo = new FileChecksums(notAFolder.resolve("embeddings/weights-sha256.properties"));
        assertEquals(64, memo.sha256(notAFolder).length(), "the checksum is computed even when it cannot be remembered");
    }

    /** Issue 11, defect 10: a model folder named ".." must not put its cache outside the store. */
    @Test
    void dotNamedModelsStayInsideTheStore() {
        for (String name : new String[] {"..", ".", "..."}) {
            EmbeddingKey k = new EmbeddingKey(name, "w", "", 256, "MEAN", true, "c", 1);
            Path file = new EmbeddingStore(dir.resolve("embeddings"), 5).dataFile(k).normalize();
            assertEquals(dir.resolve("embeddings"), file.getParent().getParent(), name + " -> " + file);
        }
    }

    @Test
    void aCorruptedCacheFileIsDetectedAndRebuilt() throws IOException {
        EmbeddingStore store = new EmbeddingStore(dir, 8);
        StoredEmbeddings good = store.load(key, texts, "fake", fake, (d, t) -> { }, () -> false);
        Path file = store.dataFile(key);

        // A flipped byte: same size, so only the checksum catches it.
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(file, bytes);
        StoredEmbeddings rebuilt = store.load(key, texts, "fake", fake, (d, t) -> { }, () -> false);
        assertEquals(CacheOutcome.REBUILT, rebuilt.outcome());
        assertTrue(rebuilt.note().contains("is corrupted"), rebuilt.note());
        assertArrayEquals(good.matrix().data(), rebuilt.matrix().data());
        assertEquals(46, encodedTexts.get());

        // A truncated file (an interrupted copy).
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(file) - 10);
        }
        assertEquals(CacheOutcome.REBUILT, store.load(key, texts, "fake", fake, (d, t) -> { }, () -> false).outcome());

        // A data file without its sidecar is never trusted.
        Files.delete(store.sidecarFile(key));
        StoredEmbeddings orphan = store.load(key, texts, "fake", fake, (d, t) -> { }, () -> false);
        assertEquals(CacheOutcome.REBUILT, orphan.outcome());
        assertTrue(orphan.note().contains("no sidecar"), orphan.note());
        assertEquals(CacheOutcome.HIT, store.load(key, texts, "fake", fake, (d, t) -> { }, () -> false).outcome());
    }

    @Test
    void aCancelledEncodeResumesFromItsFinishedChunks() {
        EmbeddingStore store = new EmbeddingStore(dir, 5);
        List<Integer> progress = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        ChunkEncoder stopsAfterTwo = (batch, p, cancelled) -> {
            if (calls.incrementAndGet() == 3) {
                throw new CancellationException("stop");
            }
            return fake.encode(batch, p, cancelled);
        };
        assertThrows(CancellationException.class,
                () -> store.load(key, texts, "fake", stopsAfterTwo, (d, t) -> progress.add(d), () -> false));
        assertEquals(List.of(5, 10), progress);
        StoredEmbeddings resumed = store.load(key, texts, "fake", fake, (d, t) -> { }, () -> false);
        assertEquals(CacheOutcome.RESUMED, resumed.outcome());
        assertEquals(2, resumed.chunksReused());
        assertEquals(3, resumed.chunksEncoded());
        assertEquals(10 + 13, encodedTexts.get());
        for (int i = 0; i < 23; i++) {
            assertEquals(i, resumed.matrix().row(i)[1], "row " + i);
        }
        // The cancel flag is honoured between chunks too.
        EmbeddingKey other = new EmbeddingKey("fake/model", "weights-sha", "q: ", 256, "MEAN", true, key.corpusSha256(), 23);
        assertThrows(CancellationException.class, () -> store.load(other, texts, "fake", fake, (d, t) -> { }, () -> true));
    }

    @Test
    void everyKeyFieldChangesTheDigest() {
        String base = key.digest();
        assertTrue(!base.equals(new EmbeddingKey("fake/model", "other", "", 256, "MEAN", true, key.corpusSha256(), 23).digest()));
        assertTrue(!base.equals(new EmbeddingKey("fake/model", "weights-sha", "", 128, "MEAN", true, key.corpusSha256(), 23).digest()));
        assertTrue(!base.equals(new EmbeddingKey("fake/model", "weights-sha", "", 256, "CLS", true, key.corpusSha256(), 23).digest()));
        assertTrue(!base.equals(new EmbeddingKey("fake/model", "weights-sha", "", 256, "MEAN", false, key.corpusSha256(), 23).digest()));
        List<String> edited = new ArrayList<>(texts);
        edited.set(3, "changed");
        assertTrue(!key.corpusSha256().equals(EmbeddingKey.corpusChecksum(ids, edited)));
    }

    @Test
    void weightChecksumsAreRememberedBySizeAndTime() throws IOException {
        Path weights = Files.writeString(dir.resolve("w.bin"), "abc");
        FileChecksums sums = new FileChecksums(dir.resolve("memo.properties"));
        String sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(sha, sums.sha256(weights));
        assertTrue(Files.readString(dir.resolve("memo.properties")).contains(sha));
        Files.writeString(weights, "abd");
        assertTrue(!sha.equals(sums.sha256(weights)), "a changed file is hashed again");
    }
}
