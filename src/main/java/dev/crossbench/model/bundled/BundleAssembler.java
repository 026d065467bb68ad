package dev.crossbench.model.bundled;

import dev.crossbench.data.FileTrees;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds a bundled model's full Hugging Face folder from its overlay and its base model's files.
 * Every piece is checked against {@code bundle.json} before it is used, the folder is built in a
 * hidden sibling and renamed into place only when complete, so a damaged file or an interrupted
 * run never leaves a folder that looks usable.
 */
public final class BundleAssembler {
    /** Written last into an assembled folder: the overlay checksum it was built from. */
    public static final String STAMP = ".bundle-overlay.sha256";
    static final Map<String, String> WEIGHTS_METADATA = Map.of("format", "pt", "producer", "crossbench");

    private BundleAssembler() {
    }

    /** Whether {@code target} holds a complete assembly of this manifest. */
    public static boolean isAssembled(Path target, BundleManifest m) {
        try {
            Path stamp = target.resolve(STAMP);
            return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).trim().equals(m.overlaySha256())
                    && Files.isRegularFile(target.resolve("model.safetensors"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The assembled folder, built first when missing or made from another overlay.
     *
     * @param baseFolder      the base model's folder (files named in {@code baseFiles})
     * @param baseSafetensors the base model's fp32 weights (tensors named in {@code baseTensors})
     */
    public static Path ensure(BundleSource source, Path baseFolder, Path baseSafetensors, Path target) {
        BundleManifest m = BundleManifest.read(source);
        if (isAssembled(target, m)) {
            return target;
        }
        Path abs = target.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".assembling-");
            build(source, m, baseFolder, baseSafetensors, tmp);
            install(tmp, abs, m);
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new ModelLoadException("cannot assemble bundled model " + m.name() + " in " + abs + " (" + e + ")", e);
        } finally {
            if (tmp != null) {
                FileTrees.deleteQuietly(tmp);
            }
        }
    }

    private static void build(BundleSource source, BundleManifest m, Path baseFolder, Path baseSafetensors, Path dir)
            throws IOException {
        Path overlay = dir.resolve(".overlay.safetensors");
        copyChecked(source, m.overlay(), overlay, m.overlaySha256(), m.name());
        for (Map.Entry<String, String> f : m.files().entrySet()) {
            copyChecked(source, safeName(f.getKey(), source), dir.resolve(f.getKey()), f.getValue(), m.name());
        }
        BundleSource base = BundleSource.folder(baseFolder);
        for (Map.Entry<String, String[]> f : m.baseFiles().entrySet()) {
            copyChecked(base, safeName(f.getValue()[0], source), dir.resolve(safeName(f.getKey(), source)), f.getValue()[1],
                    m.name());
        }
        Map<String, FloatTensor> tensors = new LinkedHashMap<>(SafeTensors.read(overlay));
        Files.delete(overlay);
        Set<String> wanted = new HashSet<>();
        m.baseTensors().values().forEach(v -> wanted.add(v[0]));
        Map<String, FloatTensor> fromBase = SafeTensors.read(baseSafetensors, wanted::contains);
        for (Map.Entry<String, String[]> e : m.baseTensors().entrySet()) {
            String baseName = e.getValue()[0];
            FloatTensor t = fromBase.get(baseName);
            if (t == null) {
                throw new ModelLoadException(baseSafetensors + ": tensor '" + baseName + "' is missing; bundled model "
                        + m.name() + " needs it from base " + m.base());
            }
            String got = Digests.ofFloats(t.data());
            if (!got.equals(e.getValue()[1])) {
                throw new ModelLoadException(baseSafetensors + ": tensor '" + baseName + "' has SHA-256 " + got + ", expected "
                        + e.getValue()[1] + " (the " + m.base() + " weights " + m.name() + " was trained from)");
            }
            tensors.put(e.getKey(), new FloatTensor(e.getKey(), t.shape(), t.data()));
        }
        Path weights = dir.resolve("model.safetensors");
        SafeTensors.write(weights, tensors.values(), WEIGHTS_METADATA);
        String got = sha256(weights);
        if (!got.equals(m.assembledSha256())) {
            throw new ModelLoadException(source.describe(BundleManifest.FILE) + ": the assembled model.safetensors has SHA-256 "
                    + got + ", expected " + m.assembledSha256());
        }
        Files.writeString(dir.resolve(STAMP), m.overlaySha256() + "\n", StandardCharsets.UTF_8);
    }

    /** Renames the finished folder into place; an older assembly there is replaced, a concurrent equal one kept. */
    private static void install(Path tmp, Path target, BundleManifest m) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            if (!isAssembled(target, m)) {
                throw e;
            }
            FileTrees.deleteQuietly(tmp); // another process finished the same assembly first
        }
        if (old != null) {
            FileTrees.deleteQuietly(old);
        }
    }

    private static String safeName(String name, BundleSource source) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new ModelLoadException(source.describe(BundleManifest.FILE) + ": file name '" + name + "' is not a plain file name");
        }
        return name;
    }

    private static void copyChecked(BundleSource from, String file, Path to, String expected, String model) throws IOException {
        MessageDigest d = Digests.sha256();
        try (InputStream in = new DigestInputStream(from.open(file), d); OutputStream out = Files.newOutputStream(to)) {
            in.transferTo(out);
        }
        String got = Digests.hex(d);
        if (!got.equals(expected)) {
            throw new ModelLoadException(from.describe(file) + ": SHA-256 is " + got + ", expected " + expected
                    + " (bundle.json of " + model + "); restore the file (git checkout assets/models) or the base model");
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest d = Digests.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Digests.hex(d);
    }
}
