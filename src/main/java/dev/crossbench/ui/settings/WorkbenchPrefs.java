package dev.crossbench.ui.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the workbench remembers between runs (java.util.prefs): window bounds, recently opened
 * files and the chosen models. Tests use their own node so a developer's settings stay untouched.
 */
public final class WorkbenchPrefs {
    /** The bi-encoder chosen when nothing is remembered (first start) and the Training form's default base. */
    public static final String DEFAULT_MODEL = "all-MiniLM-L6-v2";
    private static final int MAX_RECENT = 8;
    private static final String SEPARATOR = "\n";
    private final Preferences node;

    public WorkbenchPrefs(Preferences node) {
        this.node = node;
    }

    public static WorkbenchPrefs user() {
        return new WorkbenchPrefs(Preferences.userRoot().node("dev/crossbench/workbench"));
    }

    /** Window position and size; {@code width} 0 means "never saved". */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

    public WindowBounds window() {
        return new WindowBounds(node.getDouble("window.x", Double.NaN), node.getDouble("window.y", Double.NaN),
                node.getDouble("window.width", 0), node.getDouble("window.height", 0), node.getBoolean("window.maximized", false));
    }

    public void saveWindow(WindowBounds b) {
        node.putDouble("window.x", b.x());
        node.putDouble("window.y", b.y());
        node.putDouble("window.width", b.width());
        node.putDouble("window.height", b.height());
        node.putBoolean("window.maximized", b.maximized());
    }

    /** Most recent first; files that have disappeared are left out. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (String s : list("recent.files")) {
            Path p = Path.of(s);
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    public void addRecentFile(Path file) {
        String abs = file.toAbsolutePath().normalize().toString();
        List<String> files = new ArrayList<>(list("recent.files"));
        files.remove(abs);
        files.add(0, abs);
        putList("recent.files", files.subList(0, Math.min(MAX_RECENT, files.size())));
    }

    /** The references (built-in name, folder, hub id) of the chosen models of both kinds; empty when never saved. */
    public List<String> chosenModels() {
        return list("models");
    }

    public void saveChosenModels(List<String> refs) {
        putList("models", refs);
    }

    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience: losing them must not stop the application.
        }
    }

    public void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            // see flush()
        }
    }

    private List<String> list(String key) {
        String v = node.get(key, "");
        return v.isEmpty() ? List.of() : List.of(v.split(SEPARATOR));
    }

    private void putList(String key, List<String> values) {
        node.put(key, String.join(SEPARATOR, values));
    }
}
