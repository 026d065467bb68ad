package dev.crossbench.model.hub;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.crossbench.data.JsonErrors;
import dev.crossbench.model.ModelLoadException;
import dev.crossbench.model.onnx.ProtobufReader;
import dev.crossbench.model.weights.SafeTensors;
import java.io.IOException;
import java.io.Reader;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Checks the structure of a file that no hash vouches for: a server that sends neither a hash nor
 * a length can cut a download short without anyone noticing, and a cached file can be damaged
 * later. Each check reads little: the safetensors header (its tensors must cover the file exactly),
 * the top-level protobuf fields of an ONNX graph (a cut field runs past the end), a JSON document.
 */
final class BlobStructure {
    private BlobStructure() {
    }

    /** @param fileName the repository's name for the file, which says what it should be */
    static Optional<String> problem(String fileName, Path file) throws IOException {
        if (fileName.endsWith(".safetensors")) {
            return safetensorsProblem(file);
        }
        if (fileName.endsWith(".onnx")) {
            return onnxProblem(file);
        }
        if (fileName.endsWith(".json")) {
            return jsonProblem(file);
        }
        return Optional.empty(); // vocab.txt and the like have no structure to check
    }

    private static Optional<String> safetensorsProblem(Path file) {
        try {
            SafeTensors.readMetadata(file); // reading the header checks the tensors against the file's length
            return Optional.empty();
        } catch (ModelLoadException e) {
            String m = e.getMessage();
            String prefix = file + ": "; // the caller names the file in words the user knows
            return Optional.of(m.startsWith(prefix) ? m.substring(prefix.length()) : m);
        }
    }

    private static Optional<String> onnxProblem(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() == 0) {
                return Optional.of("empty ONNX file");
            }
            if (ch.size() > Integer.MAX_VALUE) {
                return Optional.empty(); // over 2 GB the tensors live in an external data file anyway
            }
            MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            ProtobufReader model = new ProtobufReader(buf);
            while (model.hasNext()) {
                model.skip(ProtobufReader.wireType(model.readTag()));
            }
            return Optional.empty();
        } catch (ProtobufReader.FormatException e) {
            return Optional.of("not a complete ONNX protobuf (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> jsonProblem(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonParser.parseReader(r);
            return Optional.empty();
        } catch (JsonParseException e) {
            return Optional.of("not complete JSON (" + JsonErrors.brief(e) + ")");
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.of("not UTF-8 text");
        }
    }
}
