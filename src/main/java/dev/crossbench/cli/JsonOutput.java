package dev.crossbench.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.crossbench.CrossbenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a command's machine-readable result (atomically: a reader never sees half a file). */
final class JsonOutput {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private JsonOutput() {}

    static void write(Path file, Object result) {
        if (file == null) {
            return;
        }
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            Files.writeString(tmp, GSON.toJson(result), StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CrossbenchException(file + ": cannot write JSON result (" + e.getMessage() + ")", e);
        }
    }
}
