package dev.crossbench.model.hub;

import dev.crossbench.core.ControlChars;
import dev.crossbench.model.ModelLoadException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * HTTP to a hub endpoint. Redirects are followed by hand so the token goes only to the endpoint
 * itself: file downloads redirect to a CDN or S3, which must not see it (S3 even rejects a
 * presigned URL that carries a second Authorization).
 */
final class HubClient {
    private static final int MAX_REDIRECTS = 10;
    private static final int MAX_JSON_BYTES = 64 << 20;
    private static final long POLL_MS = 100;

    private final HubSettings settings;
    private final Timeouts timeouts;
    private final URI endpoint;
    private final HttpClient http;

    /** Connect, wait-for-headers and between-chunks limits. */
    record Timeouts(Duration connect, Duration response, Duration read) {
        static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    /** A response whose body is still to be read (or closed). */
    record Exchange(URI uri, HttpResponse<?> response, BodyReader body) implements AutoCloseable {
        int status() {
            return response.statusCode();
        }

        HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public void close() {
            body.close();
        }
    }

    HubClient(HubSettings settings, Timeouts timeouts) {
        this.settings = settings;
        this.timeouts = timeouts;
        this.endpoint = URI.create(settings.endpoint());
        // The default selector honours -Dhttps.proxyHost and friends; without it no proxy is used.
        this.http = HttpClient.newBuilder().connectTimeout(timeouts.connect()).proxy(ProxySelector.getDefault())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String endpoint() {
        return settings.endpoint();
    }

    Timeouts timeouts() {
        return timeouts;
    }

    /** The commit and file list of a revision; blob ids and sizes come along with blobs=true. */
    RepoInfo revisionInfo(RepoId repo, String revision, Cancellation cancel) {
        URI uri = URI.create(settings.endpoint() + "/api/models/" + repo.id() + "/revision/" + encode(revision)
                + "?blobs=true");
        String label = label(repo, revision);
        try (Exchange ex = open("GET", uri, -1, true, cancel, label)) {
            if (ex.status() != 200) {
                throw statusError(ex, label, null, revision);
            }
            String json = new String(ex.body().readAll(cancel, MAX_JSON_BYTES), StandardCharsets.UTF_8);
            try {
                return RepoInfo.parse(json);
            } catch (RuntimeException e) {
                throw new ModelLoadException("unexpected answer from " + settings.endpoint() + " for " + label
                        + " (" + e.getMessage() + "); is HF_ENDPOINT a Hugging Face hub?", e);
            }
        } catch (IOException e) {
            throw new ModelLoadException("reading the file list of " + label + " from " + settings.endpoint()
                    + " failed (" + describe(e) + ")", e);
        }
    }

    URI fileUri(RepoId repo, String commit, String file) {
        return URI.create(settings.endpoint() + "/" + repo.id() + "/resolve/" + commit + "/" + file);
    }

    /**
     * Sends a request for a file, following redirects; a HEAD stops at the first redirect to
     * another host, whose headers carry the blob's ETag and size as huggingface_hub expects.
     *
     * @param rangeStart first byte wanted, or -1 for the whole file
     */
    Exchange open(String method, URI uri, long rangeStart, boolean followToOtherHosts, Cancellation cancel,
            String label) {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(current).timeout(timeouts.response())
                    .method(method, HttpRequest.BodyPublishers.noBody()).header("User-Agent", "crossbench");
            if (sameOrigin(current, endpoint) && settings.token().isPresent()) {
                b.header("Authorization", "Bearer " + settings.token().get());
            }
            if (rangeStart > 0) {
                b.header("Range", "bytes=" + rangeStart + "-");
            }
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> r;
            try {
                r = await(http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofPublisher()), cancel);
            } catch (IOException e) {
                throw unreachable(label, e);
            }
            Exchange ex = new Exchange(current, r, new BodyReader(r.body(), timeouts.read()));
            String location = r.headers().firstValue("Location").orElse(null);
            if (!isRedirect(r.statusCode()) || location == null) {
                return ex;
            }
            URI next = redirectTarget(current, location, label);
            if (!followToOtherHosts && !sameOrigin(next, current)) {
                return ex;
            }
            ex.close();
            current = next;
        }
        throw new ModelLoadException("too many redirects from " + settings.endpoint() + " for " + label);
    }

    /** Where a redirect leads; only http(s) is followed, and a malformed Location is named, not thrown raw. */
    private URI redirectTarget(URI current, String location, String label) {
        URI next;
        try {
            next = current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw badRedirect(label, location, "not a valid address");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw badRedirect(label, location, "only http and https redirects are followed");
        }
        if (next.getHost() == null) {
            throw badRedirect(label, location, "no host in the address");
        }
        return next;
    }

    private ModelLoadException badRedirect(String label, String location, String why) {
        String shown = ControlChars.escape(location.length() > 200 ? location.substring(0, 200) + "..." : location);
        return new ModelLoadException(settings.endpoint() + " redirected the download of " + label + " to '" + shown
                + "' (" + why + "); the endpoint (HF_ENDPOINT) does not behave like a Hugging Face hub");
    }

    /** A one-line message for an HTTP error status, with what the user can do about it. */
    ModelLoadException statusError(Exchange ex, String label, String file, String revision) {
        int status = ex.status();
        String at = settings.endpoint();
        String what = file == null ? label : file + " of " + label;
        String code = ex.headers().firstValue("X-Error-Code").orElse("");
        boolean hasToken = settings.token().isPresent();
        String msg;
        if (status == 404 && code.equals("RevisionNotFound")) {
            msg = "revision '" + revision + "' not found in " + label + " at " + at + " (HTTP 404)";
        } else if (status == 404 && code.equals("EntryNotFound")) {
            msg = what + " not found at " + at + " (HTTP 404)";
        } else if (status == 404) {
            msg = what + " not found at " + at + " (HTTP 404)" + (file == null ? "; check the model id" : "");
        } else if (status == 401) {
            msg = at + " refused " + what + " (HTTP 401): the repo does not exist, or it is private or gated; "
                    + (hasToken ? "check the id, and that HF_TOKEN is a valid token with access to it"
                            : "check the id, or set HF_TOKEN to an access token that can read it");
        } else if (status == 403) {
            msg = label + " is gated or private (HTTP 403 from " + at + "): "
                    + (hasToken ? "the account of HF_TOKEN has no access; request it on the model page"
                            : "request access on the model page, then set HF_TOKEN to an access token");
        } else if (status == 429) {
            msg = at + " is rate-limiting requests (HTTP 429) for " + what + "; wait a minute and try again"
                    + (hasToken ? "" : ", or set HF_TOKEN");
        } else if (status >= 500) {
            msg = at + " failed with HTTP " + status + " for " + what + "; try again later";
        } else {
            msg = "unexpected HTTP " + status + " from " + at + " for " + what;
        }
        return new ModelLoadException(msg);
    }

    HubUnreachableException unreachable(String label, IOException e) {
        return new HubUnreachableException("cannot reach " + settings.endpoint() + " for " + label + " (" + describe(e) + ")", e);
    }

    static String label(RepoId repo, String revision) {
        return revision.equals("main") ? repo.id() : repo.id() + "@" + revision;
    }

    /** A short reason for a network failure; HttpClient often leaves the top message empty. */
    String describe(Throwable e) {
        // The specific causes sit below a generic ConnectException or IOException.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "connection timed out after " + timeouts.connect().toSeconds() + " s";
            }
            if (t instanceof HttpTimeoutException) {
                return t.getMessage() != null && t.getMessage().startsWith("no data")
                        ? t.getMessage() : "no answer within " + timeouts.response().toSeconds() + " s";
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host " + endpoint.getHost();
            }
            if (t instanceof SSLException) {
                return "TLS error: " + t.getMessage();
            }
            if (t instanceof EOFException || (t.getMessage() != null && t.getMessage().contains("bytes received"))) {
                return "the connection closed early";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** Waits for the response headers, cancelling the request if the user cancels. */
    private static <T> T await(CompletableFuture<T> future, Cancellation cancel) throws IOException {
        try {
            while (true) {
                if (cancel.isCancelled()) {
                    future.cancel(true);
                    throw cancel.cancelledException();
                }
                try {
                    return future.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    // poll the cancel flag again
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            throw cancel.interrupted();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()),
                lower(b.getHost())) && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String encode(String revision) {
        return URLEncoder.encode(revision, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
