package dev.crossbench.index;

import com.google.gson.Gson;
import dev.crossbench.data.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;

/**
 * Keeps a built HNSW graph next to the embeddings it indexes ({@code <digest>.hnsw-M16-efc400.bin}),
 * with a sidecar holding the checksum of those embeddings and of the graph file. The graph file is
 * Java-serialised by hnswlib, so it is deserialised only when the sidecar's checksum matches: a
 * damaged or foreign file is rebuilt, never loaded.
 */
public final class HnswFiles {
    private static final Gson GSON = new Gson();

    record Sidecar(String embeddingsSha256, int m, int efConstruction, String graphSha256, double buildSeconds) {}

    /** The graph and whether it came from disk. */
    public record Loaded(HnswIndex index, boolean fromDisk, long nanos, Path file) {}

    private HnswFiles() {}

    public static Path graphFile(Path embeddingsFile, HnswParams p) {
        String base = embeddingsFile.getFileName().toString().replaceFirst("\\.npy$", "");
        return embeddingsFile.resolveSibling(base + ".hnsw-M" + p.m() + "-efc" + p.efConstruction() + ".bin");
    }

    /** Loads the graph for these embeddings and parameters, or builds and saves it. */
    public static Loaded loadOrBuild(StoredEmbeddings embeddings, HnswParams params, int threads,
            IntBinaryOperator progress, BooleanSupplier cancelled) {
        Path file = graphFile(embeddings.file(), params);
        Path side = file.resolveSibling(file.getFileName() + ".json");
        long t0 = System.nanoTime();
        HnswIndex loaded = tryLoad(file, side, embeddings.dataSha256(), params);
        if (loaded != null) {
            loaded.setEf(params.ef());
            return new Loaded(loaded, true, System.nanoTime() - t0, file);
        }
        HnswIndex built = HnswIndex.build(embeddings.matrix(), params, threads, progress, cancelled);
        long nanos = System.nanoTime() - t0;
        try {
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                built.save(out);
            }
            String sha = Sha256.ofFile(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Path sideTmp = Files.createTempFile(file.getParent(), side.getFileName().toString(), ".tmp");
            Files.writeString(sideTmp, GSON.toJson(new Sidecar(embeddings.dataSha256(), params.m(), params.efConstruction(),
                    sha, nanos / 1e9)), StandardCharsets.UTF_8);
            Files.move(sideTmp, side, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // The index works without its file; the next run builds it again.
        }
        return new Loaded(built, false, nanos, file);
    }

    private static HnswIndex tryLoad(Path file, Path side, String embeddingsSha, HnswParams params) {
        if (!Files.isRegularFile(file) || !Files.isRegularFile(side)) {
            return null;
        }
        try {
            Sidecar s = GSON.fromJson(Files.readString(side, StandardCharsets.UTF_8), Sidecar.class);
            if (s == null || !embeddingsSha.equals(s.embeddingsSha256()) || s.m() != params.m()
                    || s.efConstruction() != params.efConstruction() || !Sha256.ofFile(file).equals(s.graphSha256())) {
                return null;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return HnswIndex.load(in);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
