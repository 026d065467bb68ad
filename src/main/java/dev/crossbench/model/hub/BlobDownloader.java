package dev.crossbench.model.hub;

import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one file into its blob: bytes go to {@code <blob>.incomplete}, which is renamed to the
 * blob only once its length (and hash, when known) is right. A partial file left by a dropped
 * connection or a cancel is resumed with an HTTP Range request.
 */
final class BlobDownloader {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    /** Progress is reported at most this often, so a GUI is not flooded with updates. */
    private static final long REPORT_EVERY_BYTES = 256 * 1024;

    private final HubClient client;
    private final HubCache cache;
    private final String label;

    BlobDownloader(HubClient client, HubCache cache, String label) {
        this.client = client;
        this.cache = cache;
        this.label = label;
    }

    /** What to fetch: the file, where it is served and what its blob must be. */
    record Target(String file, URI uri, BlobId blob, long expectedSize) { }

    void download(Target t, DownloadListener listener, Cancellation cancel) throws IOException {
        Path blob = cache.blob(t.blob());
        if (!Files.isRegularFile(blob)) {
            Files.createDirectories(blob.getParent());
            try (BlobLock lock = BlobLock.acquire(cache.lockFile(t.blob()), cancel)) {
                // Another process may have finished it while we waited for the lock.
                if (!Files.isRegularFile(blob)) {
                    fetchIncomplete(t, listener, cancel);
                    verify(t);
                    HubCache.move(cache.incomplete(t.blob()), blob);
                }
            }
        }
        long size = Files.size(blob);
        listener.onFile(t.file(), size, size);
    }

    private void fetchIncomplete(Target t, DownloadListener listener, Cancellation cancel) throws IOException {
        Path part = cache.incomplete(t.blob());
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (t.expectedSize() >= 0 && have > t.expectedSize()) {
            have = 0; // not a prefix of this file: start over
        }
        if (t.expectedSize() >= 0 && have == t.expectedSize()) {
            return; // complete but not yet renamed when the last run stopped
        }
        try (HubClient.Exchange ex = client.open("GET", t.uri(), have, true, cancel, label)) {
            if (ex.status() == 416 && have > 0) {
                // The partial file no longer fits the file on the server: fetch it whole.
                Files.deleteIfExists(part);
                ex.close();
                fetchIncomplete(t, listener, cancel);
                return;
            }
            if (ex.status() != 200 && ex.status() != 206) {
                throw client.statusError(ex, label, t.file(), null);
            }
            // A 200 ignored the Range: start over. A 206 says where it starts (RFC 9110 requires it).
            long start = ex.status() == 206 ? rangeStart(ex, have) : 0;
            if (start > have) {
                throw new ModelLoadException("download of " + t.file() + " of " + label + " from " + client.endpoint()
                        + " failed: the server resumed at byte " + start + " but only " + have + " are on disk");
            }
            long total = total(ex, start, t.expectedSize());
            receive(t, ex, part, start, total, listener, cancel);
        }
    }

    private void receive(Target t, HubClient.Exchange ex, Path part, long start, long total,
            DownloadListener listener, Cancellation cancel) throws IOException {
        long done = start;
        listener.onFile(t.file(), done, total);
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(start);
            out.position(start);
            long reported = done;
            try {
                for (List<ByteBuffer> chunk; (chunk = ex.body().next(cancel)) != null; ) {
                    for (ByteBuffer b : chunk) {
                        while (b.hasRemaining()) {
                            done += out.write(b);
                        }
                    }
                    if (done - reported >= REPORT_EVERY_BYTES) {
                        listener.onFile(t.file(), done, total);
                        reported = done;
                    }
                }
            } catch (IOException e) {
                // An interrupt during a write surfaces as ClosedByInterruptException: still a cancel.
                if (cancel.isCancelled()) {
                    throw cancel.cancelledException();
                }
                throw brokenOff(t, done, total, client.describe(e), e);
            }
            // Flushed before the rename, so a crash cannot leave a complete-looking empty blob.
            out.force(true);
        }
        if (total >= 0 && done != total) {
            throw brokenOff(t, done, total, "the connection closed early", null);
        }
    }

    private ModelLoadException brokenOff(Target t, long done, long total, String reason, Throwable cause) {
        return new ModelLoadException("download of " + t.file() + " of " + label + " from " + client.endpoint()
                + " broke off after " + done + " of " + (total >= 0 ? total + " bytes" : "? bytes") + " (" + reason
                + "); run again to resume", cause);
    }

    private static long rangeStart(HubClient.Exchange ex, long asked) {
        return contentRange(ex).map(m -> Long.parseLong(m.group(1))).orElse(asked);
    }

    /** Length of the whole file, from the headers or the hub's listing; -1 if nobody says. */
    private static long total(HubClient.Exchange ex, long start, long expected) {
        OptionalLong length = ex.headers().firstValueAsLong("Content-Length");
        if (ex.status() == 206) {
            var m = contentRange(ex);
            if (m.isPresent() && !m.get().group(3).equals("*")) {
                return Long.parseLong(m.get().group(3));
            }
        }
        return length.isPresent() ? start + length.getAsLong() : expected;
    }

    private static Optional<Matcher> contentRange(HubClient.Exchange ex) {
        return ex.headers().firstValue("Content-Range").map(CONTENT_RANGE::matcher).filter(Matcher::matches);
    }

    /**
     * Checks length and, for hub blob ids, the hash, else the file's structure; a bad file is deleted so the next
     * run starts clean.
     */
    private void verify(Target t) throws IOException {
        Path part = cache.incomplete(t.blob());
        long size = Files.size(part);
        String problem = null;
        if (t.expectedSize() >= 0 && size != t.expectedSize()) {
            problem = size + " bytes where the hub lists " + t.expectedSize();
        } else if (t.blob().kind() != BlobId.Kind.ETAG && !hash(part, t.blob().kind(), size).equals(t.blob().name())) {
            problem = "its " + (t.blob().kind() == BlobId.Kind.SHA256 ? "sha256" : "git hash") + " differs from "
                    + t.blob().name();
        } else if (t.blob().kind() == BlobId.Kind.ETAG) {
            // Neither a hash nor (maybe) a length vouches for these bytes: a cut-off body must not become a blob.
            problem = BlobStructure.problem(t.file(), part).orElse(null);
        }
        if (problem != null) {
            Files.deleteIfExists(part);
            throw new ModelLoadException("downloaded " + t.file() + " of " + label + " is corrupt (" + problem
                    + "); it was deleted, run again to download it afresh"
                    + (t.expectedSize() < 0 ? " (the server gave no length or hash to check the download against)" : ""));
        }
    }

    private static String hash(Path file, BlobId.Kind kind, long size) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance(kind == BlobId.Kind.SHA256 ? "SHA-256" : "SHA-1");
            if (kind == BlobId.Kind.GIT_SHA1) {
                // git hashes "blob <size>\0" followed by the content
                md.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
            }
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // both are required of every JVM
        }
    }
}
