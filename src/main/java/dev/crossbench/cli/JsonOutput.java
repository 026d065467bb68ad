package dev.crossbench.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.crossbench.data.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a command's machine-readable result (atomically: a reader never sees half a file). A value that
 * is not a finite number becomes null: bare NaN or Infinity is not JSON, and JSON.parse rejects the file.
 */
final class JsonOutput {
    private static final TypeAdapter<Number> FINITE_OR_NULL = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Number value) throws IOException {
            if (value == null || !Double.isFinite(value.doubleValue())) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public Number read(JsonReader in) {
            throw new UnsupportedOperationException("write only");
        }
    };

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .registerTypeAdapter(Double.class, FINITE_OR_NULL).registerTypeAdapter(double.class, FINITE_OR_NULL)
            .registerTypeAdapter(Float.class, FINITE_OR_NULL).registerTypeAdapter(float.class, FINITE_OR_NULL)
            .create();

    private JsonOutput() {}

    static void write(Path file, Object result) {
        if (file == null) {
            return;
        }
        String text = GSON.toJson(result);
        AtomicFile.writeText(file, "JSON result", w -> w.write(text));
    }
}
