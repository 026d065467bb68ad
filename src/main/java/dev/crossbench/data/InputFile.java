package dev.crossbench.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a user-chosen UTF-8 file line by line and turns I/O failures into messages naming the file. */
final class InputFile {
    /** Longest line accepted: far beyond one document, short of filling memory. */
    static final int MAX_LINE_CHARS = 10_000_000;

    @FunctionalInterface
    interface LinesReader<T> {
        T read(TextLines lines) throws IOException;
    }

    private InputFile() {}

    static <T> T read(Path file, String what, LinesReader<T> reader) {
        if (!Files.exists(file)) {
            throw new DataFormatException(file, 0, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, 0, "is a folder, expected a " + what + " file");
        }
        try (TextLines lines = TextLines.open(file, MAX_LINE_CHARS)) {
            return reader.read(lines);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, 0, "file not found");
        } catch (AccessDeniedException e) {
            throw new DataFormatException(file, 0, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "cannot read the file: " + e.getMessage());
        }
    }

    /** The lower-case extension without the dot ("" when none); ".gz" is not looked through. */
    static String extension(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1);
    }
}
