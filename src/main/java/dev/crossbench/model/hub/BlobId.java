package dev.crossbench.model.hub;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of a file's blob in the cache, as huggingface_hub names it: the sha256 for LFS files,
 * the git blob sha1 for small files, otherwise the server's ETag. The first two also let us
 * verify the downloaded bytes.
 */
record BlobId(String name, Kind kind) {
    enum Kind { SHA256, GIT_SHA1, ETAG }

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

    BlobId {
        // The name becomes a file name: never let a server put path separators in it.
        if (!SAFE_NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("unusable blob id '" + name + "'");
        }
    }

    static BlobId sha256(String hex) {
        return new BlobId(hex.toLowerCase(Locale.ROOT), Kind.SHA256);
    }

    static BlobId gitSha1(String hex) {
        return new BlobId(hex.toLowerCase(Locale.ROOT), Kind.GIT_SHA1);
    }

    /** From an ETag header: strips a weak marker and quotes, as huggingface_hub does. */
    static BlobId etag(String header) {
        String e = header.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return new BlobId(e, Kind.ETAG);
    }
}
