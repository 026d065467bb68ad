package dev.crossbench.data;

import com.google.gson.JsonObject;
import dev.crossbench.CrossbenchException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes labeled pairs as JSON Lines ({@code sentence1, sentence2, score}), which {@link PairReader} reads back. */
public final class PairFileWriter {
    private PairFileWriter() {}

    public static void writeJsonLines(Path file, List<LabeledPair> pairs) {
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (LabeledPair p : pairs) {
                    JsonObject o = new JsonObject();
                    o.addProperty("sentence1", p.sentence1());
                    o.addProperty("sentence2", p.sentence2());
                    o.addProperty("score", p.score());
                    w.write(o.toString());
                    w.write('\n');
                }
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CrossbenchException(file + ": cannot write pairs (" + e.getMessage() + ")", e);
        }
    }
}
