package dev.crossbench.app.bench;

import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.PairDataset;
import dev.crossbench.data.PairReader;
import dev.crossbench.data.TextFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Texts for a benchmark: both sides of a labeled-pair file, or the lines of a text file. */
public final class BenchTexts {
    private BenchTexts() {}

    public static List<String> read(Path file) {
        PairDataset pairs;
        try {
            pairs = PairReader.read(file);
        } catch (CrossbenchException notPairs) {
            return TextFileReader.readLines(file);
        }
        List<String> texts = new ArrayList<>(pairs.size() * 2);
        texts.addAll(pairs.sentences1());
        texts.addAll(pairs.sentences2());
        return texts;
    }
}
