package dev.crossbench.model.hub;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code /api/models/{repo}/revision/{rev}?blobs=true} says about a revision: its commit
 * and the files it holds.
 */
record RepoInfo(String commit, Map<String, Sibling> siblings) {
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One file of the revision; blob and size are absent when the server does not list them. */
    record Sibling(String file, Optional<BlobId> blob, long size) { }

    static boolean isCommitHash(String s) {
        return s != null && SHA1.matcher(s).matches();
    }

    /** @throws IllegalArgumentException when the JSON is not a revision description */
    static RepoInfo parse(String json) {
        JsonElement root = JsonParser.parseString(json);
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        String sha = string(o, "sha");
        // The commit names a snapshot folder: accept only a real hash.
        if (!isCommitHash(sha)) {
            throw new IllegalArgumentException("no commit hash in 'sha'");
        }
        if (!o.has("siblings") || !o.get("siblings").isJsonArray()) {
            throw new IllegalArgumentException("no 'siblings' list");
        }
        Map<String, Sibling> siblings = new LinkedHashMap<>();
        for (JsonElement e : o.getAsJsonArray("siblings")) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject s = e.getAsJsonObject();
            String file = string(s, "rfilename");
            if (file != null) {
                siblings.put(file, sibling(file, s));
            }
        }
        return new RepoInfo(sha, siblings);
    }

    private static Sibling sibling(String file, JsonObject s) {
        long size = s.has("size") && s.get("size").isJsonPrimitive() ? s.get("size").getAsLong() : -1;
        Optional<BlobId> blob = Optional.empty();
        if (s.has("lfs") && s.get("lfs").isJsonObject()) {
            JsonObject lfs = s.getAsJsonObject("lfs");
            String sha256 = string(lfs, "sha256");
            if (sha256 != null && SHA256.matcher(sha256).matches()) {
                blob = Optional.of(BlobId.sha256(sha256));
            }
            if (lfs.has("size") && lfs.get("size").isJsonPrimitive()) {
                size = lfs.get("size").getAsLong();
            }
        } else {
            String blobId = string(s, "blobId");
            if (blobId != null && SHA1.matcher(blobId).matches()) {
                blob = Optional.of(BlobId.gitSha1(blobId));
            }
        }
        return new Sibling(file, blob, size);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
