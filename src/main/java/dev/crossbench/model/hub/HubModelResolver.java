package dev.crossbench.model.hub;

import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Turns a hub model id into a local folder through the standard Hugging Face cache, so models
 * fetched here and by Python's huggingface_hub are shared. Never downloads pickle weights.
 *
 * <p>A snapshot counts as complete only when {@code refs/<revision>} names it and every file it
 * needs is present: the ref is written after the last file, and the offline path checks the files.
 */
public final class HubModelResolver {
    private static final String DEFAULT_REVISION = "main";
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*");

    private final HubSettings settings;
    private final HubClient.Timeouts timeouts;
    private HubClient client;

    public HubModelResolver(HubSettings settings) {
        this(settings, HubClient.Timeouts.DEFAULT);
    }

    /** For tests that must not wait for the real timeouts. */
    HubModelResolver(HubSettings settings, HubClient.Timeouts timeouts) {
        this.settings = Objects.requireNonNull(settings);
        this.timeouts = timeouts;
    }

    public HubSettings settings() {
        return settings;
    }

    /** Like {@link #resolve(String, String, DownloadListener, BooleanSupplier)}, cancelled only by interruption. */
    public Path resolve(String repoId, String revision, DownloadListener listener) {
        return resolve(repoId, revision, listener, () -> false);
    }

    /**
     * @param repoId    {@code org/name}
     * @param revision  branch, tag or commit hash; null means {@code main}
     * @param listener  progress per file
     * @param cancelled polled between chunks (thread interruption also cancels)
     * @return the snapshot folder {@code <hubCache>/models--org--name/snapshots/<commit>}
     * @throws ModelLoadException with a one-line reason; {@link DownloadCancelledException} on cancel
     */
    public Path resolve(String repoId, String revision, DownloadListener listener, BooleanSupplier cancelled) {
        RepoId repo = RepoId.parse(repoId);
        String rev = validRevision(revision);
        HubCache cache = new HubCache(settings.hubCache(), repo);
        String label = HubClient.label(repo, rev);
        Cancellation cancel = new Cancellation(cancelled, label);
        try {
            return settings.offline() ? fromCache(cache, repo, rev, label)
                    : download(cache, repo, rev, label, listener == null ? DownloadListener.NONE : listener, cancel);
        } catch (HubUnreachableException e) {
            throw isCached(cache, repo, rev, label) ? e : e.notCached(cache.repoDir());
        } catch (IOException e) {
            if (cancel.isCancelled()) {
                throw cancel.cancelledException(); // interrupted file I/O, not a cache problem
            }
            throw new ModelLoadException("cannot use the Hugging Face cache at " + cache.repoDir() + " for " + label
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** Whether the repository's main revision is complete in the local cache, so that it loads without the network. */
    public boolean isCached(String repoId) {
        try {
            RepoId repo = RepoId.parse(repoId);
            return isCached(new HubCache(settings.hubCache(), repo), repo, DEFAULT_REVISION, HubClient.label(repo, DEFAULT_REVISION));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean isCached(HubCache cache, RepoId repo, String rev, String label) {
        try {
            fromCache(cache, repo, rev, label);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Path fromCache(HubCache cache, RepoId repo, String rev, String label) throws IOException {
        Optional<String> commit = cache.readRef(rev);
        if (commit.isEmpty() && RepoInfo.isCommitHash(rev) && Files.isDirectory(cache.snapshot(rev))) {
            commit = Optional.of(rev); // huggingface_hub writes no ref for a commit hash
        }
        if (commit.isEmpty()) {
            throw new ModelLoadException(label + " is not in the Hugging Face cache at " + cache.repoDir()
                    + " and offline mode is on (HF_HUB_OFFLINE); download it once with network access");
        }
        Path snapshot = cache.snapshot(commit.get());
        List<String> missing = missing(snapshot, cache.readManifest(commit.get()).orElse(List.of()));
        if (!missing.isEmpty()) {
            throw incompleteOffline(label, "missing " + String.join(", ", missing) + " in " + snapshot, null);
        }
        LoadableModelFolder folder;
        try {
            // Snapshots fetched by Python carry no manifest: require at least a loadable folder.
            folder = ModelFolderCheck.requireLoadable(snapshot);
        } catch (ModelLoadException e) {
            throw incompleteOffline(label, e.getMessage(), e);
        }
        for (Path file : List.of(snapshot.resolve(RepoFiles.CONFIG), snapshot.resolve(RepoFiles.TOKENIZER),
                folder.weightsFile())) {
            Optional<String> problem = BlobStructure.problem(file.getFileName().toString(), file);
            if (problem.isPresent()) {
                throw new ModelLoadException(snapshot.relativize(file) + " of " + label + " in the Hugging Face cache"
                        + " is damaged (" + problem.get() + "); delete " + file.toRealPath() + " and run once with"
                        + " network access to fetch it again (offline mode is on: HF_HUB_OFFLINE)");
            }
        }
        return snapshot;
    }

    /** Removes a damaged cached file and the snapshot's link to it, so that it is downloaded again. */
    private static void forgetDamaged(Path link) throws IOException {
        Path blob = link.toRealPath();
        Files.deleteIfExists(link);
        if (!blob.equals(link)) {
            Files.deleteIfExists(blob);
        }
    }

    private static ModelLoadException incompleteOffline(String label, String why, Throwable cause) {
        return new ModelLoadException(label + " in the Hugging Face cache is incomplete (" + why + ") and offline"
                + " mode is on (HF_HUB_OFFLINE); run once with network access to finish it", cause);
    }

    private Path download(HubCache cache, RepoId repo, String rev, String label, DownloadListener listener,
            Cancellation cancel) throws IOException {
        HubClient http = client();
        RepoInfo info = http.revisionInfo(repo, rev, cancel);
        List<String> files = RepoFiles.choose(label, info.siblings().keySet());
        Path snapshot = cache.snapshot(info.commit());
        BlobDownloader downloader = new BlobDownloader(http, cache, label);
        for (String file : files) {
            cancel.check();
            Path target = snapshot.resolve(file);
            RepoInfo.Sibling sibling = info.siblings().get(file);
            if (Files.isRegularFile(target)) { // follows the symlink: a dangling one counts as missing
                if (BlobStructure.problem(file, target).isEmpty()) {
                    long size = Files.size(target);
                    listener.onFile(file, size, size);
                    continue;
                }
                forgetDamaged(target); // damaged since it was fetched: fetch it again
            }
            BlobDownloader.Target t = target(http, repo, info.commit(), sibling, label, cancel);
            downloader.download(t, listener, cancel);
            cache.link(info.commit(), file, t.blob());
        }
        // Only now does the snapshot look complete: manifest first, then the ref that leads to it.
        cache.writeManifest(info.commit(), files);
        if (!rev.equals(info.commit())) {
            cache.writeRef(rev, info.commit());
        }
        return snapshot;
    }

    /** Where the file's bytes come from and its blob id: from the listing, else from a HEAD request. */
    private static BlobDownloader.Target target(HubClient http, RepoId repo, String commit, RepoInfo.Sibling sibling,
            String label, Cancellation cancel) {
        var uri = http.fileUri(repo, commit, sibling.file());
        if (sibling.blob().isPresent()) {
            return new BlobDownloader.Target(sibling.file(), uri, sibling.blob().get(), sibling.size());
        }
        // The protocol huggingface_hub follows: X-Linked-Etag/X-Linked-Size sit on the redirect to the CDN.
        try (HubClient.Exchange ex = http.open("HEAD", uri, -1, false, cancel, label)) {
            if (ex.status() >= 400) {
                throw http.statusError(ex, label, sibling.file(), null);
            }
            var h = ex.headers();
            Optional<String> etag = h.firstValue("X-Linked-Etag").or(() -> h.firstValue("ETag"));
            if (etag.isEmpty()) {
                throw new ModelLoadException(http.endpoint() + " gave no ETag for " + sibling.file() + " of " + label
                        + "; it does not behave like a Hugging Face hub");
            }
            long size = h.firstValueAsLong("X-Linked-Size").orElse(
                    ex.status() == 200 ? h.firstValueAsLong("Content-Length").orElse(sibling.size()) : sibling.size());
            try {
                return new BlobDownloader.Target(sibling.file(), uri, BlobId.etag(etag.get()), size);
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException(http.endpoint() + " gave an unusable ETag for " + sibling.file() + " of "
                        + label + " (" + e.getMessage() + ")", e);
            }
        }
    }

    private static List<String> missing(Path snapshot, List<String> files) {
        List<String> missing = new ArrayList<>();
        for (String f : files) {
            if (!Files.isRegularFile(snapshot.resolve(f))) {
                missing.add(f);
            }
        }
        return missing;
    }

    private static String validRevision(String revision) {
        if (revision == null || revision.isBlank()) {
            return DEFAULT_REVISION;
        }
        String r = revision.trim();
        // The revision becomes a path under refs/: no '..' or absolute paths.
        if (!REVISION.matcher(r).matches() || List.of(r.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw new ModelLoadException("invalid revision '" + revision + "': expected a branch, tag or commit hash");
        }
        return r;
    }

    private synchronized HubClient client() {
        if (client == null) {
            client = new HubClient(settings, timeouts);
        }
        return client;
    }
}
