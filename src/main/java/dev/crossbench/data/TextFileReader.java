package dev.crossbench.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Plain UTF-8 text, one text per line; line i of the file is row i of the result. */
public final class TextFileReader {
    /** Longest text accepted; anything longer is almost surely not one sentence or document. */
    public static final int MAX_CHARS = 1_000_000;

    private TextFileReader() {}

    public static List<String> readLines(Path file) {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, 0, "is a folder, expected a text file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, 0, "file not found");
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, 0, "not valid UTF-8 text");
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "cannot read (" + e.getMessage() + ")");
        }
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i);
            if (i == 0 && s.startsWith("\uFEFF")) {
                s = s.substring(1);
            }
            if (s.isBlank()) {
                if (i == lines.size() - 1) {
                    continue;
                }
                throw new DataFormatException(file, i + 1, "empty line (each line must hold one text)");
            }
            if (s.length() > MAX_CHARS) {
                throw new DataFormatException(file, i + 1, "text of " + s.length() + " characters is over the limit of " + MAX_CHARS);
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw new DataFormatException(file, 0, "no texts: the file is empty");
        }
        return out;
    }
}
