package dev.crossbench.model.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * One repo's folder in the huggingface_hub cache layout:
 * <pre>
 * models--org--name/refs/&lt;revision&gt;            commit hash of a branch or tag
 * models--org--name/blobs/&lt;blob id&gt;             file contents (.incomplete while downloading)
 * models--org--name/snapshots/&lt;commit&gt;/&lt;file&gt;  relative symlinks into blobs
 * .locks/models--org--name/&lt;blob id&gt;.lock       one downloader per blob
 * </pre>
 * plus {@code models--org--name/crossbench/<commit>.complete}, our list of the files a snapshot
 * needs; Python's cache tools ignore it.
 */
final class HubCache {
    private final Path root;
    private final RepoId repo;
    private final Path repoDir;

    HubCache(Path hubCache, RepoId repo) {
        this.root = hubCache;
        this.repo = repo;
        this.repoDir = hubCache.resolve(repo.cacheFolderName());
    }

    Path repoDir() {
        return repoDir;
    }

    Path snapshot(String commit) {
        return repoDir.resolve("snapshots").resolve(commit);
    }

    Path blob(BlobId id) {
        return repoDir.resolve("blobs").resolve(id.name());
    }

    Path incomplete(BlobId id) {
        return repoDir.resolve("blobs").resolve(id.name() + ".incomplete");
    }

    Path lockFile(BlobId id) {
        return root.resolve(".locks").resolve(repo.cacheFolderName()).resolve(id.name() + ".lock");
    }

    /** The commit a branch or tag pointed to when it was last fetched completely. */
    Optional<String> readRef(String revision) throws IOException {
        Path ref = repoDir.resolve("refs").resolve(revision);
        if (!Files.isRegularFile(ref)) {
            return Optional.empty();
        }
        String commit = Files.readString(ref, StandardCharsets.UTF_8).trim();
        return RepoInfo.isCommitHash(commit) ? Optional.of(commit) : Optional.empty();
    }

    void writeRef(String revision, String commit) throws IOException {
        Path ref = repoDir.resolve("refs").resolve(revision);
        if (!commit.equals(readRef(revision).orElse(null))) {
            writeAtomically(ref, commit);
        }
    }

    Optional<List<String>> readManifest(String commit) throws IOException {
        Path m = manifest(commit);
        if (!Files.isRegularFile(m)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllLines(m, StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(l -> !l.isEmpty()).toList());
    }

    void writeManifest(String commit, List<String> files) throws IOException {
        if (!readManifest(commit).map(files::equals).orElse(false)) {
            writeAtomically(manifest(commit), String.join("\n", files) + "\n");
        }
    }

    /**
     * Makes {@code snapshots/<commit>/<file>} point at the blob with a relative symlink, as
     * huggingface_hub does; where symlinks are not allowed (Windows without developer mode) it
     * copies instead.
     */
    Path link(String commit, String file, BlobId id) throws IOException {
        Path target = snapshot(commit).resolve(file);
        Path blob = blob(id);
        Files.createDirectories(target.getParent());
        // Made under a unique name and renamed over the target: a concurrent resolve of the same file never sees
        // it missing (deleting first left a window in which another thread's finished snapshot lacked the file).
        Path link = target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".link");
        try {
            Files.createSymbolicLink(link, target.getParent().relativize(blob));
            move(link, target);
        } catch (UnsupportedOperationException | IOException symlinkFailed) {
            Files.deleteIfExists(link);
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".copying");
            Files.copy(blob, tmp, StandardCopyOption.REPLACE_EXISTING);
            move(tmp, target);
        }
        return target;
    }

    private Path manifest(String commit) {
        return repoDir.resolve("crossbench").resolve(commit + ".complete");
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        // A unique temporary name: another process may be writing the same ref.
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        move(tmp, target);
    }

    /** Atomic rename where the file system allows it, so readers never see half a file. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
