package dev.crossbench.data;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;

/** Writes labeled pairs as JSON Lines ({@code sentence1, sentence2, score}), which {@link PairReader} reads back. */
public final class PairFileWriter {
    private PairFileWriter() {}

    public static void writeJsonLines(Path file, List<LabeledPair> pairs) {
        AtomicFile.writeText(file, "pairs", w -> {
            for (LabeledPair p : pairs) {
                JsonObject o = new JsonObject();
                o.addProperty("sentence1", p.sentence1());
                o.addProperty("sentence2", p.sentence2());
                o.addProperty("score", p.score());
                w.write(o.toString());
                w.write('\n');
            }
        });
    }
}
