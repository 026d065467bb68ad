package dev.crossbench.model.bundled;

import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns a trained cross-encoder folder into a bundle: tensors equal to the base's (the frozen
 * word embeddings) are referenced by checksum, all others stored in an fp16 overlay; small files
 * are copied, files equal to the base's referenced. The result is assembled once to record the
 * checksum of the folder users will get.
 */
public final class BundleWriter {
    /** What was written, for the command's report. */
    public record Result(BundleManifest manifest, long overlayBytes, long repositoryBytes, int overlayTensors,
            List<String> fromBase, double maxAbsRounding) {
    }

    private BundleWriter() {
    }

    public static Result write(String name, String baseName, Path trained, Path baseFolder, Path baseSafetensors, Path out) {
        Path trainedWeights = trained.resolve("model.safetensors");
        try {
            Map<String, FloatTensor> model = SafeTensors.read(trainedWeights, n -> !n.endsWith("position_ids"));
            Map<String, FloatTensor> base = SafeTensors.read(baseSafetensors, n -> !n.endsWith("position_ids"));
            Map<String, String[]> baseTensors = new TreeMap<>();
            List<FloatTensor> overlay = new ArrayList<>();
            double maxRounding = 0;
            for (FloatTensor t : model.values()) {
                String baseTensor = equalBaseTensor(t, base);
                if (baseTensor != null) {
                    baseTensors.put(t.name(), new String[] {baseTensor, Digests.ofFloats(t.data())});
                } else {
                    overlay.add(t);
                    maxRounding = Math.max(maxRounding, maxHalfRounding(t.data()));
                }
            }
            Files.createDirectories(out);
            String overlayFile = "overlay.safetensors";
            Map<String, String> meta = new LinkedHashMap<>(BundleAssembler.WEIGHTS_METADATA);
            meta.put("crossbench.bundle", name);
            SafeTensors.write(out.resolve(overlayFile), overlay, meta, true);
            Map<String, String> files = new TreeMap<>();
            Map<String, String[]> baseFiles = new TreeMap<>();
            try (Stream<Path> s = Files.list(trained)) {
                for (Path f : s.sorted().toList()) {
                    String fn = f.getFileName().toString();
                    if (!Files.isRegularFile(f) || fn.equals("model.safetensors") || fn.startsWith(".")) {
                        continue;
                    }
                    String sha = BundleAssembler.sha256(f);
                    Path inBase = baseFolder.resolve(fn);
                    if (Files.isRegularFile(inBase) && BundleAssembler.sha256(inBase).equals(sha)) {
                        baseFiles.put(fn, new String[] {fn, sha});
                    } else {
                        Files.copy(f, out.resolve(fn), StandardCopyOption.REPLACE_EXISTING);
                        files.put(fn, sha);
                    }
                }
            }
            String overlaySha = BundleAssembler.sha256(out.resolve(overlayFile));
            BundleManifest draft = new BundleManifest(1, name, baseName, overlayFile, overlaySha, files, baseTensors, baseFiles,
                    assembledSha256(out.resolve(overlayFile), model, baseTensors.keySet(), out));
            Files.writeString(out.resolve(BundleManifest.FILE), draft.toJson(), StandardCharsets.UTF_8);
            // Assemble once, exactly as users will, so the manifest is known to work.
            Path check = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".bundle-check-");
            try {
                BundleAssembler.ensure(BundleSource.folder(out), baseFolder, baseSafetensors, check.resolve(name));
            } finally {
                dev.crossbench.data.FileTrees.deleteQuietly(check);
            }
            long repo = 0;
            for (String f : files.keySet()) {
                repo += Files.size(out.resolve(f));
            }
            long overlayBytes = Files.size(out.resolve(overlayFile));
            repo += overlayBytes + Files.size(out.resolve(BundleManifest.FILE));
            return new Result(draft, overlayBytes, repo, overlay.size(), List.copyOf(baseTensors.keySet()), maxRounding);
        } catch (IOException e) {
            throw new ModelLoadException(out + ": cannot write the bundle (" + e.getMessage() + ")", e);
        }
    }

    /** The base tensor with the same values (name as is, or without the classification model's "bert." prefix). */
    private static String equalBaseTensor(FloatTensor t, Map<String, FloatTensor> base) {
        for (String candidate : List.of(t.name(), t.name().replaceFirst("^bert\\.", ""))) {
            FloatTensor b = base.get(candidate);
            if (b != null && Arrays.equals(b.shape(), t.shape()) && Arrays.equals(b.data(), t.data())) {
                return candidate;
            }
        }
        return null;
    }

    private static double maxHalfRounding(float[] data) {
        double max = 0;
        for (float v : data) {
            max = Math.max(max, Math.abs(SafeTensors.roundToHalf(v) - v));
        }
        return max;
    }

    /** SHA-256 of the fp32 model.safetensors an assembly will write: overlay values widened, plus the base tensors. */
    private static String assembledSha256(Path overlayFile, Map<String, FloatTensor> model, Iterable<String> fromBase, Path out)
            throws IOException {
        Map<String, FloatTensor> all = new LinkedHashMap<>(SafeTensors.read(overlayFile));
        for (String n : fromBase) {
            all.put(n, model.get(n));
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".assembled-", ".safetensors");
        try {
            SafeTensors.write(tmp, all.values(), BundleAssembler.WEIGHTS_METADATA);
            return BundleAssembler.sha256(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
