package dev.crossbench.model.hub;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Hugging Face hub on loopback: {@code /api/models/{repo}/revision/{rev}} and
 * {@code /{repo}/resolve/{commit}/{file}}, serving repos the test puts in, with knobs for the
 * failures a real network produces.
 */
final class FakeHub implements AutoCloseable {
    /** Files stored in git LFS on the real hub (listed with an lfs sha256). */
    private static final Set<String> LFS_SUFFIXES = Set.of(".safetensors", ".onnx", ".bin", ".pt");

    record Request(String method, String path, String range, String authorization) { }

    static final class Repo {
        final String commit;
        final Map<String, byte[]> files = new LinkedHashMap<>();
        String requiredToken;

        Repo(String commit) {
            this.commit = commit;
        }

        Repo file(String name, byte[] bytes) {
            files.put(name, bytes);
            return this;
        }

        Repo file(String name, String text) {
            return file(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** file name -> bytes to send before dropping the connection, once. */
    final Map<String, Integer> dropAfter = new ConcurrentHashMap<>();
    /** file names served with other bytes than the listing's hash promises. */
    final Set<String> corrupt = ConcurrentHashMap.newKeySet();
    /** file name -> bytes sent, with a Content-Length that says so, once: a server that cuts a file short. */
    final Map<String, Integer> cutShort = new ConcurrentHashMap<>();
    /** file name -> Location header of a 302 sent instead of the file. */
    final Map<String, String> redirectTo = new ConcurrentHashMap<>();
    /** HEAD answers carry an ETag but no X-Linked-Size, as some mirrors do. */
    volatile boolean headWithoutLength;
    volatile boolean ignoreRange;
    volatile boolean listBlobIds = true;

    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Repo repo(String id, String commit) {
        Repo r = new Repo(commit);
        repos.put(id, r);
        return r;
    }

    List<Request> requestsFor(String file) {
        return requests.stream().filter(r -> r.path().endsWith("/" + file)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static String sha256(byte[] bytes) {
        return digest("SHA-256", new byte[0], bytes);
    }

    static String gitSha1(byte[] bytes) {
        return digest("SHA-1", ("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII), bytes);
    }

    /** The blob name huggingface_hub gives a file. */
    static String blobName(String file, byte[] bytes) {
        return isLfs(file) ? sha256(bytes) : gitSha1(bytes);
    }

    private static boolean isLfs(String file) {
        return LFS_SUFFIXES.stream().anyMatch(file::endsWith);
    }

    private static String digest(String algorithm, byte[] prefix, byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(prefix);
            return HexFormat.of().formatHex(md.digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Range"),
                ex.getRequestHeaders().getFirst("Authorization")));
        try (ex) {
            if (path.startsWith("/api/models/")) {
                api(ex, path.substring("/api/models/".length()));
            } else if (path.contains("/resolve/")) {
                resolve(ex, path);
            } else {
                send(ex, 404, "RepoNotFound", new byte[0]);
            }
        }
    }

    private void api(HttpExchange ex, String rest) throws IOException {
        int at = rest.indexOf("/revision/");
        Repo repo = at < 0 ? null : repos.get(rest.substring(0, at));
        if (repo == null) {
            send(ex, 404, "RepoNotFound", "{\"error\":\"Repository not found\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!authorized(ex, repo)) {
            return;
        }
        String revision = rest.substring(at + "/revision/".length());
        if (!revision.equals("main") && !revision.equals(repo.commit)) {
            send(ex, 404, "RevisionNotFound", new byte[0]);
            return;
        }
        JsonArray siblings = new JsonArray();
        repo.files.forEach((name, bytes) -> {
            JsonObject s = new JsonObject();
            s.addProperty("rfilename", name);
            if (listBlobIds) {
                s.addProperty("blobId", gitSha1(bytes)); // real hub: the LFS pointer's hash for LFS files
                s.addProperty("size", bytes.length);
                if (isLfs(name)) {
                    JsonObject lfs = new JsonObject();
                    lfs.addProperty("sha256", sha256(bytes));
                    lfs.addProperty("size", bytes.length);
                    lfs.addProperty("pointerSize", 134);
                    s.add("lfs", lfs);
                }
            }
            siblings.add(s);
        });
        JsonObject o = new JsonObject();
        o.addProperty("id", rest.substring(0, at));
        o.addProperty("sha", repo.commit);
        o.add("siblings", siblings);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        send(ex, 200, null, o.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void resolve(HttpExchange ex, String path) throws IOException {
        int at = path.indexOf("/resolve/");
        Repo repo = repos.get(path.substring(1, at));
        String[] commitAndFile = path.substring(at + "/resolve/".length()).split("/", 2);
        if (repo == null) {
            send(ex, 404, "RepoNotFound", new byte[0]);
            return;
        }
        if (!authorized(ex, repo)) {
            return;
        }
        byte[] bytes = commitAndFile.length == 2 && commitAndFile[0].equals(repo.commit)
                ? repo.files.get(commitAndFile[1]) : null;
        if (bytes == null) {
            send(ex, 404, "EntryNotFound", new byte[0]);
            return;
        }
        String file = commitAndFile[1];
        String location = redirectTo.get(file);
        if (location != null) {
            ex.getResponseHeaders().set("Location", location);
            send(ex, 302, null, new byte[0]);
            return;
        }
        ex.getResponseHeaders().set("ETag", "\"" + blobName(file, bytes) + "\"");
        if (ex.getRequestMethod().equals("HEAD")) {
            if (!headWithoutLength) {
                ex.getResponseHeaders().set("X-Linked-Size", Long.toString(bytes.length));
            }
            ex.sendResponseHeaders(200, -1);
            return;
        }
        if (corrupt.contains(file)) {
            bytes = bytes.clone();
            bytes[bytes.length / 2] ^= 1;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        int start = 0;
        int status = 200;
        if (range != null && !ignoreRange && range.startsWith("bytes=") && range.endsWith("-")) {
            start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            status = 206;
            ex.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        int length = bytes.length - start;
        Integer cut = cutShort.remove(file);
        if (cut != null) {
            length = Math.min(length, cut);
        }
        Integer drop = dropAfter.remove(file);
        ex.sendResponseHeaders(status, length);
        OutputStream out = ex.getResponseBody();
        if (drop != null) {
            // Promise the whole length, send part of it, then hang up, as a dropped connection does.
            out.write(bytes, start, drop);
            out.flush();
            ex.close();
            return;
        }
        out.write(bytes, start, length);
    }

    private boolean authorized(HttpExchange ex, Repo repo) throws IOException {
        if (repo.requiredToken == null
                || ("Bearer " + repo.requiredToken).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        send(ex, 401, "GatedRepo", new byte[0]);
        return false;
    }

    private static void send(HttpExchange ex, int status, String errorCode, byte[] body) throws IOException {
        if (errorCode != null) {
            ex.getResponseHeaders().set("X-Error-Code", errorCode);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }
}
