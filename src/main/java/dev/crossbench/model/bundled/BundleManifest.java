package dev.crossbench.model.bundled;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bundle.json}: what a bundled model is made of and the SHA-256 of every piece, so that an
 * assembled folder is known to equal the trained one (up to the stated fp16 rounding).
 *
 * @param format      manifest version (1)
 * @param name        the model's catalog name
 * @param base        built-in model whose files complete it
 * @param overlay     fp16 safetensors file with every tensor that differs from the base
 * @param overlaySha256 SHA-256 of {@code overlay}
 * @param files       small files copied as they are (config.json, tokenizer_config.json, ...) -> SHA-256
 * @param baseTensors tensor name in the assembled model -> [name in the base's safetensors, SHA-256 of its fp32 bytes]
 * @param baseFiles   file name in the assembled model -> [file name in the base's folder, SHA-256]
 * @param assembledSha256 SHA-256 of the assembled fp32 model.safetensors
 */
public record BundleManifest(int format, String name, String base, String overlay, String overlaySha256,
        Map<String, String> files, Map<String, String[]> baseTensors, Map<String, String[]> baseFiles,
        String assembledSha256) {
    public static final String FILE = "bundle.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public static BundleManifest read(BundleSource source) {
        BundleManifest m;
        try (InputStream in = source.open(FILE)) {
            m = GSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), BundleManifest.class);
        } catch (IOException e) {
            throw new ModelLoadException(source.describe(FILE) + ": cannot read (" + e.getMessage() + ")", e);
        } catch (JsonParseException e) {
            throw new ModelLoadException(source.describe(FILE) + ": not a valid bundle manifest", e);
        }
        if (m == null || m.format != 1 || m.name == null || m.base == null || m.overlay == null || m.overlaySha256 == null
                || m.assembledSha256 == null) {
            throw new ModelLoadException(source.describe(FILE) + ": not a format-1 bundle manifest (name, base, overlay,"
                    + " overlaySha256 and assembledSha256 are required)");
        }
        return m;
    }

    public Map<String, String> files() {
        return files == null ? Map.of() : files;
    }

    public Map<String, String[]> baseTensors() {
        return baseTensors == null ? Map.of() : baseTensors;
    }

    public Map<String, String[]> baseFiles() {
        return baseFiles == null ? Map.of() : baseFiles;
    }

    public String toJson() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("format", format);
        o.put("name", name);
        o.put("base", base);
        o.put("overlay", overlay);
        o.put("overlaySha256", overlaySha256);
        o.put("files", files());
        o.put("baseTensors", baseTensors());
        o.put("baseFiles", baseFiles());
        o.put("assembledSha256", assembledSha256);
        return GSON.toJson(o) + "\n";
    }
}
