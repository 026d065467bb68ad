package dev.crossbench.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.crossbench.data.AtomicFile;
import java.nio.file.Path;

/** Writes a command's machine-readable result (atomically: a reader never sees half a file). */
final class JsonOutput {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private JsonOutput() {}

    static void write(Path file, Object result) {
        if (file == null) {
            return;
        }
        String text = GSON.toJson(result);
        AtomicFile.writeText(file, "JSON result", w -> w.write(text));
    }
}
