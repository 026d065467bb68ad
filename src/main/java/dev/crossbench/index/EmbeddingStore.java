package dev.crossbench.index;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.AtomicFile;
import dev.crossbench.data.DataFormatException;
import dev.crossbench.data.FileChecksums;
import dev.crossbench.data.NpyFile;
import dev.crossbench.data.Sha256;
import dev.crossbench.model.CrossbenchHome;
import dev.crossbench.model.EncodeProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Corpus embeddings cached on disk, one NumPy .npy file (float32, memory-mappable) per
 * {@link EmbeddingKey}, with a JSON sidecar that records the key and the SHA-256 of the .npy file.
 *
 * <p>Layout under the store folder: {@code <model>/<digest>.npy}, {@code <digest>.json} and, while an
 * encode is under way, {@code <digest>.partial/chunk-NNNNN.npy}. The sidecar is written last and is the
 * commit mark: a .npy without a matching sidecar, a size that disagrees with its header, or a checksum
 * that disagrees with the sidecar means the cache is rebuilt, never used. Chunks are written as they
 * finish, so an encode that is cancelled or killed resumes from the last finished chunk.
 */
public final class EmbeddingStore {
    public static final int DEFAULT_CHUNK = 512;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path root;
    private final int chunkSize;

    public EmbeddingStore(Path root, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
        }
        this.root = root;
        this.chunkSize = chunkSize;
    }

    /** The store under {@code CrossbenchHome.resolve()/embeddings}. */
    public static EmbeddingStore standard() {
        return new EmbeddingStore(CrossbenchHome.resolve().resolve("embeddings"), DEFAULT_CHUNK);
    }

    public Path root() {
        return root;
    }

    /** Memo of weight-file checksums kept beside the embeddings. */
    public FileChecksums weightChecksums() {
        return new FileChecksums(root.resolve("weights-sha256.properties"));
    }

    public Path dataFile(EmbeddingKey key) {
        return folder(key).resolve(key.digest() + ".npy");
    }

    public Path sidecarFile(EmbeddingKey key) {
        return folder(key).resolve(key.digest() + ".json");
    }

    private Path partialFolder(EmbeddingKey key) {
        return folder(key).resolve(key.digest() + ".partial");
    }

    private Path folder(EmbeddingKey key) {
        String safe = key.modelName().replaceAll("[^A-Za-z0-9._-]", "_");
        // "." and ".." (a model folder named so) would put the cache in or above embeddings/ itself.
        return root.resolve(safe.matches("\\.*") ? safe.replace('.', '_') + "_" : safe);
    }

    /** What the sidecar records. */
    record Sidecar(int format, EmbeddingKey key, int rows, int dimension, String dataSha256, String engine,
            double encodeSeconds) {}

    /**
     * The embeddings of {@code texts} under {@code key}: from the cache when a verified file exists, else
     * encoded chunk by chunk (reusing finished chunks of an interrupted run) and cached.
     *
     * @throws CancellationException when {@code cancelled} turns true; finished chunks stay for a resume
     */
    public StoredEmbeddings load(EmbeddingKey key, List<String> texts, String engine, ChunkEncoder encoder,
            EncodeProgress progress, BooleanSupplier cancelled) {
        if (texts.size() != key.rows()) {
            throw new IllegalArgumentException("key is for " + key.rows() + " rows, got " + texts.size() + " texts");
        }
        long t0 = System.nanoTime();
        String problem = verifiedProblem(key);
        if (problem == null) {
            try {
                NpyFile.Matrix m = NpyFile.readMatrix(dataFile(key));
                Sidecar s = readSidecar(key);
                progress.onProgress(texts.size(), texts.size());
                return new StoredEmbeddings(new EmbeddingMatrix(m.rows(), m.cols(), m.data()), dataFile(key), s.dataSha256(),
                        CacheOutcome.HIT, "", 0, 0, 0, System.nanoTime() - t0);
            } catch (RuntimeException e) {
                problem = "cannot read " + dataFile(key).getFileName() + " (" + e.getMessage() + ")";
            }
        }
        String unwritable = unwritable();
        if (unwritable != null) {
            return encodeUncached(key, texts, encoder, progress, cancelled, unwritable);
        }
        boolean hadCache = Files.exists(dataFile(key)) || Files.exists(sidecarFile(key));
        if (hadCache) {
            deleteQuietly(sidecarFile(key));
            deleteQuietly(dataFile(key));
        }
        return encode(key, texts, engine, encoder, progress, cancelled, hadCache ? problem : "");
    }

    /** Null when the cache for {@code key} is present and intact, else what is wrong with it. */
    String verifiedProblem(EmbeddingKey key) {
        Path data = dataFile(key);
        Path side = sidecarFile(key);
        if (!Files.exists(side) && !Files.exists(data)) {
            return "no cache";
        }
        if (!Files.exists(side)) {
            return data.getFileName() + " has no sidecar (an interrupted write)";
        }
        if (!Files.exists(data)) {
            return data.getFileName() + " is missing";
        }
        Sidecar s;
        try {
            s = readSidecar(key);
        } catch (RuntimeException e) {
            return side.getFileName() + " is unreadable (" + e.getMessage() + ")";
        }
        if (s == null || s.format() != EmbeddingKey.FORMAT || !key.equals(s.key())) {
            return side.getFileName() + " describes other embeddings";
        }
        try {
            String sha = Sha256.ofFile(data);
            if (!sha.equals(s.dataSha256())) {
                return data.getFileName() + " is corrupted (checksum " + sha.substring(0, 12) + " where the sidecar has "
                        + String.valueOf(s.dataSha256()).substring(0, Math.min(12, String.valueOf(s.dataSha256()).length())) + ")";
            }
        } catch (IOException e) {
            return data.getFileName() + " is unreadable (" + e.getMessage() + ")";
        }
        return null;
    }

    private StoredEmbeddings encode(EmbeddingKey key, List<String> texts, String engine, ChunkEncoder encoder,
            EncodeProgress progress, BooleanSupplier cancelled, String note) {
        long t0 = System.nanoTime();
        int n = texts.size();
        // Longest texts first across the whole corpus, so each chunk holds texts of similar length and
        // the encoder's own length batching still pads little.
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> texts.get(i).length()).reversed().thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        int chunks = (n + chunkSize - 1) / chunkSize;
        Path partial = partialFolder(key);
        float[][] rows = new float[n][];
        int reused = 0;
        int encoded = 0;
        long encodeNanos = 0;
        try {
            Files.createDirectories(partial);
            for (int c = 0; c < chunks; c++) {
                int from = c * chunkSize;
                int to = Math.min(n, from + chunkSize);
                Path chunkFile = partial.resolve(String.format("chunk-%05d.npy", c));
                float[][] vectors = readChunk(chunkFile, to - from);
                if (vectors != null) {
                    reused++;
                } else {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("encoding cancelled after " + from + " of " + n + " documents");
                    }
                    List<String> slice = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        slice.add(texts.get(order[i]));
                    }
                    long e0 = System.nanoTime();
                    int base = from;
                    vectors = encoder.encode(slice, (done, total) -> progress.onProgress(base + done, n), cancelled);
                    encodeNanos += System.nanoTime() - e0;
                    NpyFile.write(chunkFile, vectors);
                    encoded++;
                }
                for (int i = from; i < to; i++) {
                    rows[order[i]] = vectors[i - from];
                }
                progress.onProgress(to, n);
            }
            EmbeddingMatrix matrix = EmbeddingMatrix.of(rows);
            NpyFile.write(dataFile(key), matrix.data(), matrix.rows(), matrix.dimension());
            String sha = Sha256.ofFile(dataFile(key));
            writeSidecar(key, new Sidecar(EmbeddingKey.FORMAT, key, matrix.rows(), matrix.dimension(), sha, engine,
                    encodeNanos / 1e9));
            deleteTree(partial);
            CacheOutcome outcome = !note.isEmpty() ? CacheOutcome.REBUILT : reused > 0 ? CacheOutcome.RESUMED : CacheOutcome.ENCODED;
            return new StoredEmbeddings(matrix, dataFile(key), sha, outcome, note, reused, encoded, encodeNanos,
                    System.nanoTime() - t0 - encodeNanos);
        } catch (IOException e) {
            throw new CrossbenchException(root + ": cannot write the embedding cache (" + e.getMessage() + ")", e);
        }
    }

    /** Null when the cache folder can be written, else why not. */
    private String unwritable() {
        try {
            AtomicFile.checkFolderWritable(root, root.toString());
            return null;
        } catch (CrossbenchException e) {
            return e.getMessage();
        }
    }

    /** Encodes in memory, as one would without a cache: the work still gets done when the cache folder is read-only. */
    private StoredEmbeddings encodeUncached(EmbeddingKey key, List<String> texts, ChunkEncoder encoder, EncodeProgress progress,
            BooleanSupplier cancelled, String why) {
        long t0 = System.nanoTime();
        EmbeddingMatrix matrix = EmbeddingMatrix.of(encoder.encode(texts, progress::onProgress, cancelled));
        long nanos = System.nanoTime() - t0;
        return new StoredEmbeddings(matrix, dataFile(key), "", CacheOutcome.UNCACHED, "not cached: " + why, 0,
                (texts.size() + chunkSize - 1) / chunkSize, nanos, 0);
    }

    /** A finished chunk, or null when absent or damaged (then it is encoded again). */
    private static float[][] readChunk(Path file, int expectedRows) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            float[][] v = NpyFile.read(file);
            if (v.length == expectedRows) {
                return v;
            }
        } catch (DataFormatException damaged) {
            // fall through: encode the chunk again
        }
        deleteQuietly(file);
        return null;
    }

    private Sidecar readSidecar(EmbeddingKey key) {
        try {
            return GSON.fromJson(Files.readString(sidecarFile(key), StandardCharsets.UTF_8), Sidecar.class);
        } catch (IOException | JsonParseException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void writeSidecar(EmbeddingKey key, Sidecar s) throws IOException {
        Path target = sidecarFile(key);
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(tmp, GSON.toJson(s), StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a file we cannot delete is overwritten by the atomic move later
        }
    }
}
