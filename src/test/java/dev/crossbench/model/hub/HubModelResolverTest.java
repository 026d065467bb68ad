package dev.crossbench.model.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.weights.FloatTensor;
import dev.crossbench.model.weights.SafeTensors;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP against {@link FakeHub} on loopback; every cache lives in a temporary folder. */
class HubModelResolverTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String REPO = "acme/tiny-bert";
    private static final HubClient.Timeouts FAST = new HubClient.Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(5));

    @TempDir
    Path tmp;
    private FakeHub hub;
    private Path cache;
    private byte[] weights;

    @BeforeEach
    void startHub() throws IOException {
        hub = new FakeHub();
        cache = tmp.resolve("hub");
        weights = safetensors(75_000, 1);
        hub.repo(REPO, COMMIT)
                .file("config.json", "{\"model_type\":\"bert\",\"hidden_size\":8}")
                .file("tokenizer.json", "{\"version\":\"1.0\"}")
                .file("tokenizer_config.json", "{}")
                .file("vocab.txt", "[PAD]\n[UNK]\nhello\n")
                .file("modules.json", "[]")
                .file("1_Pooling/config.json", "{\"pooling_mode_mean_tokens\":true}")
                .file("model.safetensors", weights)
                .file("onnx/model.onnx", randomBytes(1000, 2))
                .file("pytorch_model.bin", randomBytes(1000, 3))
                .file("README.md", "# tiny");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void fullDownloadProducesStandardCacheLayout() throws IOException {
        Map<String, Long> lastDone = new ConcurrentHashMap<>();
        Path snapshot = resolver(false).resolve(REPO, null, (f, done, total) -> lastDone.put(f, done));

        Path repoDir = cache.resolve("models--acme--tiny-bert");
        assertEquals(repoDir.resolve("snapshots").resolve(COMMIT), snapshot);
        assertEquals(COMMIT, Files.readString(repoDir.resolve("refs/main")));
        List<String> expected = List.of("config.json", "tokenizer.json", "tokenizer_config.json", "vocab.txt",
                "modules.json", "1_Pooling/config.json", "model.safetensors");
        for (String f : expected) {
            Path p = snapshot.resolve(f);
            assertTrue(Files.isSymbolicLink(p), f + " should link into blobs");
            Path blob = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
            assertEquals(repoDir.resolve("blobs"), blob.getParent());
            assertArrayEquals(Files.readAllBytes(blob), Files.readAllBytes(p));
            assertEquals(Files.size(p), lastDone.get(f), "final progress of " + f);
        }
        assertArrayEquals(weights, Files.readAllBytes(snapshot.resolve("model.safetensors")));
        assertTrue(Files.exists(repoDir.resolve("blobs").resolve(FakeHub.sha256(weights))), "LFS blob named by sha256");
        byte[] vocab = "[PAD]\n[UNK]\nhello\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(Files.exists(repoDir.resolve("blobs").resolve(FakeHub.gitSha1(vocab))), "git blob named by sha1");
        for (String skipped : List.of("onnx/model.onnx", "pytorch_model.bin", "README.md")) {
            assertFalse(Files.exists(snapshot.resolve(skipped)), skipped);
            assertTrue(hub.requestsFor(skipped).isEmpty(), skipped + " must not be requested");
        }
        assertTrue(blobFiles(repoDir).noneMatch(n -> n.endsWith(".incomplete")));
        assertEquals(WeightsFormat.SAFETENSORS, ModelFolderCheck.requireLoadable(snapshot).weightsFormat());
    }

    @Test
    void secondResolveWorksOfflineFromCacheWithServerStopped() {
        Path online = resolver(false).resolve(REPO, "main", DownloadListener.NONE);
        int requestsBefore = hub.requests.size();
        Path again = resolver(false).resolve(REPO, "main", DownloadListener.NONE);
        assertEquals(online, again);
        assertEquals(requestsBefore + 1, hub.requests.size(), "a complete snapshot needs only the API call");

        hub.close();
        Path offline = resolver(true).resolve(REPO, null, DownloadListener.NONE);
        assertEquals(online, offline);
        assertEquals(WeightsFormat.SAFETENSORS, ModelFolderCheck.requireLoadable(offline).weightsFormat());
        assertEquals(online, resolver(true).resolve(REPO, COMMIT, DownloadListener.NONE), "by commit hash");
    }

    @Test
    void missingRepoGivesClearMessage() {
        var e = assertThrows(ModelLoadException.class,
                () -> resolver(false).resolve("nobody/nothing", null, DownloadListener.NONE));
        assertTrue(e.getMessage().contains("nobody/nothing not found at " + hub.endpoint()), e.getMessage());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void droppedConnectionFailsClearlyAndNextRunResumesWithRange() throws IOException {
        int half = weights.length / 2;
        hub.dropAfter.put("model.safetensors", half);
        Path repoDir = cache.resolve("models--acme--tiny-bert");

        var e = assertThrows(ModelLoadException.class, () -> resolver(false).resolve(REPO, null, DownloadListener.NONE));
        assertTrue(e.getMessage().contains("download of model.safetensors of acme/tiny-bert from " + hub.endpoint()
                + " broke off after " + half + " of " + weights.length + " bytes"), e.getMessage());
        assertTrue(e.getMessage().endsWith("run again to resume"), e.getMessage());
        assertFalse(Files.exists(repoDir.resolve("refs/main")), "no ref to an incomplete snapshot");
        assertFalse(Files.exists(repoDir.resolve("snapshots").resolve(COMMIT).resolve("model.safetensors")));
        Path part = repoDir.resolve("blobs").resolve(FakeHub.sha256(weights) + ".incomplete");
        assertEquals(half, Files.size(part));
        assertThrows(ModelLoadException.class, () -> resolver(true).resolve(REPO, null, DownloadListener.NONE),
                "offline must not accept the half snapshot");

        Path snapshot = resolver(false).resolve(REPO, null, DownloadListener.NONE);
        List<FakeHub.Request> gets = hub.requestsFor("model.safetensors");
        assertEquals("bytes=" + half + "-", gets.get(gets.size() - 1).range());
        assertArrayEquals(weights, Files.readAllBytes(snapshot.resolve("model.safetensors")));
        assertFalse(Files.exists(part));
    }

    @Test
    void resumeCopesWithServerThatIgnoresRange() throws IOException {
        hub.dropAfter.put("model.safetensors", 1000);
        assertThrows(ModelLoadException.class, () -> resolver(false).resolve(REPO, null, DownloadListener.NONE));
        hub.ignoreRange = true;
        Path snapshot = resolver(false).resolve(REPO, null, DownloadListener.NONE);
        List<FakeHub.Request> gets = hub.requestsFor("model.safetensors");
        assertEquals("bytes=1000-", gets.get(gets.size() - 1).range());
        assertArrayEquals(weights, Files.readAllBytes(snapshot.resolve("model.safetensors")));
    }

    @Test
    void corruptDownloadIsDetectedAndDeleted() throws IOException {
        hub.corrupt.add("model.safetensors");
        var e = assertThrows(ModelLoadException.class, () -> resolver(false).resolve(REPO, null, DownloadListener.NONE));
        assertTrue(e.getMessage().contains("model.safetensors of acme/tiny-bert is corrupt"), e.getMessage());
        Path repoDir = cache.resolve("models--acme--tiny-bert");
        assertTrue(blobFiles(repoDir).noneMatch(n -> n.startsWith(FakeHub.sha256(weights))));
        assertFalse(Files.exists(repoDir.resolve("refs/main")));
    }

    @Test
    void downloadCutShortWithoutLengthOrHashIsNeverCommitted() throws IOException {
        // A server with no sizes in the listing, no length on HEAD and a body cut short: only the file's structure
        // can tell, and a cut-off safetensors file must not become a blob or a snapshot (defect 6 of issue 11).
        hub.listBlobIds = false;
        hub.headWithoutLength = true;
        hub.cutShort.put("model.safetensors", weights.length / 2);
        var e = assertThrows(ModelLoadException.class, () -> resolver(false).resolve(REPO, null, DownloadListener.NONE));
        assertTrue(e.getMessage().startsWith("downloaded model.safetensors of acme/tiny-bert is corrupt ("), e.getMessage());
        assertTrue(e.getMessage().contains("(corrupt safetensors (tensor 'w' data_offsets [0, 300000] lie outside the"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the server gave no length or hash"), e.getMessage());
        Path repoDir = cache.resolve("models--acme--tiny-bert");
        assertTrue(blobFiles(repoDir).noneMatch(n -> n.startsWith(FakeHub.sha256(weights))), "no blob, no partial");
        assertFalse(Files.exists(repoDir.resolve("refs/main")));
        assertFalse(Files.exists(repoDir.resolve("snapshots").resolve(COMMIT).resolve("model.safetensors")));

        Path snapshot = resolver(false).resolve(REPO, null, DownloadListener.NONE); // the server behaves now
        assertArrayEquals(weights, Files.readAllBytes(snapshot.resolve("model.safetensors")));
    }

    @Test
    void damagedCachedBlobIsNamedOfflineAndFetchedAgainOnline() throws IOException {
        Path snapshot = resolver(false).resolve(REPO, null, DownloadListener.NONE);
        Path blob = snapshot.resolve("model.safetensors").toRealPath();
        Files.write(blob, java.util.Arrays.copyOf(weights, 1000)); // e.g. a disk or a tool that cut the file

        var e = assertThrows(ModelLoadException.class, () -> resolver(true).resolve(REPO, null, DownloadListener.NONE));
        assertTrue(e.getMessage().startsWith("model.safetensors of acme/tiny-bert in the Hugging Face cache is damaged"),
                e.getMessage());
        assertTrue(e.getMessage().contains("delete " + blob + " and run once with network access"), e.getMessage());

        int getsBefore = hub.requestsFor("model.safetensors").size();
        Path again = resolver(false).resolve(REPO, null, DownloadListener.NONE);
        assertEquals(getsBefore + 1, hub.requestsFor("model.safetensors").size(), "fetched again");
        assertArrayEquals(weights, Files.readAllBytes(again.resolve("model.safetensors")));
        assertEquals(again, resolver(true).resolve(REPO, null, DownloadListener.NONE), "offline works again");
    }

    @Test
    void redirectsToOtherSchemesOrMalformedAddressesNameTheHubAndTheModel() {
        for (String location : List.of("file:///etc/passwd", "http://[::1", "ftp://example.org/x", "http:///nohost")) {
            hub.redirectTo.put("model.safetensors", location);
            var e = assertThrows(ModelLoadException.class,
                    () -> resolver(false).resolve(REPO, null, DownloadListener.NONE), location);
            assertTrue(e.getMessage().startsWith(hub.endpoint() + " redirected the download of acme/tiny-bert to '"
                    + location + "' ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("does not behave like a Hugging Face hub"), e.getMessage());
        }
        assertFalse(Files.exists(cache.resolve("models--acme--tiny-bert/refs/main")));
    }

    @Test
    void cancelledDownloadLeavesOnlyIncompleteFiles() throws IOException {
        byte[] big = safetensors(750_000, 4);
        hub.repo("acme/big", COMMIT).file("config.json", "{}").file("tokenizer.json", "{}")
                .file("model.safetensors", big);
        AtomicBoolean cancel = new AtomicBoolean();
        DownloadListener cancelMidway = (f, done, total) -> cancel.compareAndSet(false, done > 0 && done < total);
        assertThrows(DownloadCancelledException.class,
                () -> resolver(false).resolve("acme/big", null, cancelMidway, cancel::get));

        Path repoDir = cache.resolve("models--acme--big");
        assertFalse(Files.exists(repoDir.resolve("refs/main")));
        assertFalse(Files.exists(repoDir.resolve("snapshots").resolve(COMMIT).resolve("model.safetensors")));
        assertFalse(Files.exists(repoDir.resolve("blobs").resolve(FakeHub.sha256(big))));
        assertTrue(Files.exists(repoDir.resolve("blobs").resolve(FakeHub.sha256(big) + ".incomplete")));

        Path snapshot = resolver(false).resolve("acme/big", null, DownloadListener.NONE);
        assertArrayEquals(big, Files.readAllBytes(snapshot.resolve("model.safetensors")));
    }

    @Test
    void threadInterruptionCancelsToo() {
        DownloadListener interruptMidway = (f, done, total) -> {
            if (done > 0 && done < total) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            assertThrows(DownloadCancelledException.class, () -> resolver(false).resolve(REPO, null, interruptMidway));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays set for the caller");
        } finally {
            Thread.interrupted();
        }
        assertFalse(Files.exists(cache.resolve("models--acme--tiny-bert/refs/main")));
    }

    @Test
    void concurrentResolvesOfTheSameRepoAgree() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var futures = Stream.generate(() -> pool.submit(() -> resolver(false).resolve(REPO, null,
                    DownloadListener.NONE))).limit(3).toList();
            for (var f : futures) {
                assertArrayEquals(weights, Files.readAllBytes(f.get().resolve("model.safetensors")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pickleOnlyRepoIsRefusedWithoutDownloadingIt() {
        hub.repo("acme/old", COMMIT).file("config.json", "{}").file("tokenizer.json", "{}")
                .file("pytorch_model.bin", randomBytes(100, 5));
        var e = assertThrows(ModelLoadException.class,
                () -> resolver(false).resolve("acme/old", null, DownloadListener.NONE));
        assertTrue(e.getMessage().startsWith("acme/old: only pytorch_model.bin is published; Crossbench does not load"
                + " pickle files (they can run code). Convert it to model.safetensors"), e.getMessage());
        assertTrue(hub.requestsFor("pytorch_model.bin").isEmpty());
        assertFalse(Files.exists(cache.resolve("models--acme--old/refs/main")));
    }

    @Test
    void offlineWithEmptyCacheSaysSo() {
        var e = assertThrows(ModelLoadException.class, () -> resolver(true).resolve(REPO, null, DownloadListener.NONE));
        assertEquals("acme/tiny-bert is not in the Hugging Face cache at " + cache.resolve("models--acme--tiny-bert")
                + " and offline mode is on (HF_HUB_OFFLINE); download it once with network access", e.getMessage());
        assertTrue(hub.requests.isEmpty(), "offline must not touch the network");
    }

    @Test
    void unreachableEndpointSaysWhatHelpsWithAndWithoutTheModelCached() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;
        var settings = HubSettings.from(Map.of("HF_ENDPOINT", endpoint, "HF_HUB_CACHE", cache.toString()), tmp);
        var resolver = new HubModelResolver(settings, FAST);
        assertFalse(resolver.isCached(REPO));
        var e = assertThrows(ModelLoadException.class, () -> resolver.resolve(REPO, null, DownloadListener.NONE));
        assertEquals("cannot reach " + endpoint + " for acme/tiny-bert (connection refused), and it is not in the Hugging Face"
                + " cache (" + cache.resolve("models--acme--tiny-bert") + "): download it where the hub can be reached and copy"
                + " the model folder here (choose it as a folder), or point HF_HOME or HF_HUB_CACHE at a cache that has it",
                e.getMessage(), "offline mode would not help: nothing is cached");

        resolver(false).resolve(REPO, null, DownloadListener.NONE); // now cached, from the loopback hub
        assertTrue(resolver.isCached(REPO));
        e = assertThrows(ModelLoadException.class, () -> resolver.resolve(REPO, null, DownloadListener.NONE));
        assertEquals("cannot reach " + endpoint + " for acme/tiny-bert (connection refused); set HF_HUB_OFFLINE=1 to"
                + " use the local cache only", e.getMessage());
    }

    @Test
    void gatedRepoNeedsTokenWhichIsSentAsBearer() {
        hub.repo("acme/gated", COMMIT).file("config.json", "{}").file("tokenizer.json", "{}")
                .file("model.safetensors", weights).requiredToken = "hf_secret";
        var e = assertThrows(ModelLoadException.class,
                () -> resolver(false).resolve("acme/gated", null, DownloadListener.NONE));
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("set HF_TOKEN"), e.getMessage());

        Map<String, String> env = new HashMap<>(env(false));
        env.put("HF_TOKEN", "hf_secret");
        Path snapshot = new HubModelResolver(HubSettings.from(env, tmp), FAST)
                .resolve("acme/gated", null, DownloadListener.NONE);
        assertTrue(Files.exists(snapshot.resolve("model.safetensors")));
        assertEquals("Bearer hf_secret", hub.requestsFor("model.safetensors").get(0).authorization());
    }

    @Test
    void blobNamesComeFromEtagWhenListingLacksThem() throws IOException {
        hub.listBlobIds = false;
        Path snapshot = resolver(false).resolve(REPO, null, DownloadListener.NONE);
        assertTrue(hub.requests.stream().anyMatch(r -> r.method().equals("HEAD")));
        Path blob = snapshot.resolve(Files.readSymbolicLink(snapshot.resolve("model.safetensors")));
        assertEquals(FakeHub.sha256(weights), blob.getFileName().toString());
        assertArrayEquals(weights, Files.readAllBytes(snapshot.resolve("model.safetensors")));
    }

    @Test
    void unknownRevisionAndBadIdsAreReportedClearly() {
        var e = assertThrows(ModelLoadException.class,
                () -> resolver(false).resolve(REPO, "v9", DownloadListener.NONE));
        assertTrue(e.getMessage().startsWith("revision 'v9' not found in acme/tiny-bert@v9"), e.getMessage());
        for (String bad : List.of("a/b/c", "acme--x/y", "acme/../etc", "has space/x", "-acme/x")) {
            var b = assertThrows(ModelLoadException.class, () -> resolver(false).resolve(bad, null, DownloadListener.NONE));
            assertTrue(b.getMessage().startsWith("invalid hub model id '" + bad + "'"), b.getMessage());
        }
        var url = assertThrows(ModelLoadException.class,
                () -> resolver(false).resolve("https://huggingface.co/acme/x", null, DownloadListener.NONE));
        assertTrue(url.getMessage().contains("is a URL"), url.getMessage());
        assertThrows(ModelLoadException.class, () -> resolver(false).resolve(REPO, "../../x", DownloadListener.NONE));
        assertTrue(hub.requests.stream().noneMatch(r -> r.path().contains("..")));
    }

    private HubModelResolver resolver(boolean offline) {
        return new HubModelResolver(HubSettings.from(env(offline), tmp), FAST);
    }

    private Map<String, String> env(boolean offline) {
        return Map.of("HF_ENDPOINT", hub.endpoint(), "HF_HUB_CACHE", cache.toString(),
                "HF_HUB_OFFLINE", offline ? "1" : "0");
    }

    private static Stream<String> blobFiles(Path repoDir) throws IOException {
        try (Stream<Path> s = Files.list(repoDir.resolve("blobs"))) {
            return s.map(p -> p.getFileName().toString()).toList().stream();
        }
    }

    /** A well-formed safetensors file of one random F32 tensor: the resolver checks the structure of weights. */
    private byte[] safetensors(int floats, long seed) throws IOException {
        float[] data = new float[floats];
        Random r = new Random(seed);
        for (int i = 0; i < floats; i++) {
            data[i] = (float) r.nextGaussian();
        }
        Path f = Files.createTempFile(tmp, "w", ".safetensors");
        SafeTensors.write(f, List.of(new FloatTensor("w", new long[] {floats}, data)), Map.of());
        return Files.readAllBytes(f);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
