package dev.crossbench.ui.start;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the project's {@code sample-data/} folder for the first start. It is read from disk, not
 * from the class path, so users can open and edit the same files. Looked up, in order: the system
 * property {@code crossbench.sampleData}; {@code sample-data/} in the working directory; next to
 * the jar (the jpackage image puts it there); and one level above the jar (target/../sample-data
 * when run with ./crossbench from any directory).
 */
public final class SampleData {
    public static final String PAIRS_FILE = "pairs-test.csv";
    public static final String CORPUS_FILE = "corpus.jsonl";
    public static final String QUERIES_FILE = "queries.jsonl";
    public static final String QRELS_FILE = "qrels.tsv";
    /**
     * The retrieval sample the first start opens: paragraphs and questions of held-out SQuAD
     * articles, where a reranker has something to fix. The hand-written corpus beside the pairs
     * stays for tests and is the fallback when this folder is missing.
     */
    public static final String RETRIEVAL_FOLDER = "squad";

    private SampleData() {}

    public static Optional<Path> pairs() {
        for (Path dir : candidates()) {
            Path f = dir.resolve(PAIRS_FILE);
            if (Files.isRegularFile(f)) {
                return Optional.of(f.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** A retrieval file of the sample (corpus, queries or qrels) beside the sample pairs file. */
    public static Optional<Path> besidePairs(Path samplePairs, String name) {
        Path f = samplePairs.resolveSibling(name);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    /**
     * A file of the first start's retrieval sample (corpus, queries or qrels): in
     * {@link #RETRIEVAL_FOLDER} beside the sample pairs when that folder has all three files,
     * else beside the pairs.
     */
    public static Optional<Path> retrievalSample(Path samplePairs, String name) {
        Path folder = samplePairs.resolveSibling(RETRIEVAL_FOLDER);
        boolean complete = List.of(CORPUS_FILE, QUERIES_FILE, QRELS_FILE).stream().allMatch(f -> Files.isRegularFile(folder.resolve(f)));
        return complete ? Optional.of(folder.resolve(name)) : besidePairs(samplePairs, name);
    }

    static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String prop = System.getProperty("crossbench.sampleData");
        if (prop != null && !prop.isBlank()) {
            dirs.add(Path.of(prop));
        }
        dirs.add(Path.of("sample-data"));
        jarDirectory().ifPresent(d -> {
            dirs.add(d.resolve("sample-data"));
            if (d.getParent() != null) {
                dirs.add(d.getParent().resolve("sample-data"));
            }
        });
        return dirs;
    }

    private static Optional<Path> jarDirectory() {
        try {
            var source = SampleData.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(p.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
