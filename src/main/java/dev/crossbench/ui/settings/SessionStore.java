package dev.crossbench.ui.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.crossbench.data.AtomicFile;
import dev.crossbench.model.CrossbenchHome;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.function.Function;

/**
 * Reads and writes the workbench's {@link SavedSession} as JSON in the Crossbench home
 * ({@value #FILE_NAME}). Writes are atomic, so a crash mid-write leaves the previous session; a
 * file that cannot be read (truncated, edited, from an incompatible version) gives an empty
 * session and a one-line note instead of an exception, so it never stops the workbench starting.
 */
public final class SessionStore {
    public static final String FILE_NAME = "workbench-session.json";
    private static final Gson GSON = new GsonBuilder()
            .registerTypeHierarchyAdapter(Path.class, new TextAdapter<Path>(Path::toString, Path::of).nullSafe())
            .registerTypeAdapter(LocalDateTime.class, new TextAdapter<LocalDateTime>(LocalDateTime::toString, LocalDateTime::parse).nullSafe())
            // A constant score column has NaN correlations; they must survive the round trip.
            .serializeSpecialFloatingPointValues()
            .create();

    private final Path file;

    public SessionStore(Path file) {
        this.file = file;
    }

    /** The session file in a Crossbench home folder (tests give a temporary one). */
    public static SessionStore inHome(Path home) {
        return new SessionStore(home.resolve(FILE_NAME));
    }

    /** In the user's Crossbench home ({@link CrossbenchHome}). */
    public static SessionStore standard() {
        return inHome(CrossbenchHome.resolve());
    }

    /**
     * A scripted run's own session, beside the user's, for a settings node of its own (see
     * {@code WorkbenchApp}): the node's path in the file name keeps the two apart.
     */
    public static SessionStore forSettingsNode(Path home, String node) {
        String tag = node.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return new SessionStore(home.resolve("workbench-session-" + tag + ".json"));
    }

    /** Forgets the saved session (a scripted run that must start fresh). */
    public void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove the saved session " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** What was read; {@code note} is null when the file was fine or absent, else why it was ignored. */
    public record Loaded(SavedSession session, String note) {}

    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(SavedSession.EMPTY, null);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            SavedSession s = GSON.fromJson(r, SavedSession.class);
            if (s == null) {
                return ignored("it is empty");
            }
            if (s.version() != SavedSession.VERSION) {
                return ignored("it is of version " + s.version() + ", this workbench reads version " + SavedSession.VERSION);
            }
            return new Loaded(s, null);
        } catch (IOException | RuntimeException e) {
            // Gson reports truncation and wrong types as RuntimeExceptions, records' constructors too.
            return ignored(firstLine(e));
        }
    }

    /** Keeps the unreadable file beside, for a look later, since the next save replaces it. */
    private Loaded ignored(String why) {
        String kept = "";
        try {
            Files.move(file, unreadableCopy(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            kept = ", kept as " + unreadableCopy().getFileName();
        } catch (IOException | RuntimeException e) {
            // Only a convenience: the note still says what happened.
        }
        return new Loaded(SavedSession.EMPTY, "the saved session " + file.getFileName() + " was not read (" + why
                + kept + "); starting empty");
    }

    /** Where an unreadable session file is moved. */
    public Path unreadableCopy() {
        return file.resolveSibling(file.getFileName() + ".unreadable");
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Atomic: the old session stays whole until the new one is completely written. */
    public void save(SavedSession session) {
        AtomicFile.writeText(file, "the workbench session", w -> GSON.toJson(session, SavedSession.class, w));
    }

    /**
     * A value stored as its text: paths (Gson cannot take a Path apart by reflection) and ISO-8601 local date-times,
     * as in the History view's export.
     */
    private static final class TextAdapter<T> extends TypeAdapter<T> {
        private final Function<T, String> write;
        private final Function<String, T> read;

        TextAdapter(Function<T, String> write, Function<String, T> read) {
            this.write = write;
            this.read = read;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            out.value(write.apply(value));
        }

        @Override
        public T read(JsonReader in) throws IOException {
            return read.apply(in.nextString());
        }
    }
}
