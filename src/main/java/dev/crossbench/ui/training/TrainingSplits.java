package dev.crossbench.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The train and dev files that go with a loaded pairs file, found by name beside it: the
 * sample's pairs-test.csv has pairs-train.csv and pairs-dev.csv, STS-B's sts-test.csv has
 * sts-train.csv and sts-dev.csv. Nothing is guessed when either is missing.
 */
record TrainingSplits(Path train, Path dev) {
    private static final String[] SPLIT_WORDS = {"test", "dev", "train"};

    static Optional<TrainingSplits> besides(Path loaded) {
        if (loaded == null || loaded.getFileName() == null) {
            return Optional.empty();
        }
        String name = loaded.getFileName().toString();
        for (String word : SPLIT_WORDS) {
            int at = name.lastIndexOf(word);
            if (at < 0) {
                continue;
            }
            Path train = loaded.resolveSibling(name.substring(0, at) + "train" + name.substring(at + word.length()));
            Path dev = loaded.resolveSibling(name.substring(0, at) + "dev" + name.substring(at + word.length()));
            if (Files.isRegularFile(train) && Files.isRegularFile(dev)) {
                return Optional.of(new TrainingSplits(train, dev));
            }
        }
        return Optional.empty();
    }
}
