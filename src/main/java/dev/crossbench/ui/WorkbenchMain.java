package dev.crossbench.ui;

import dev.crossbench.ui.start.StartOptions;
import java.util.List;
import javafx.application.Application;

/** Starts the workbench window from the plain (non-JavaFX) launcher. */
public final class WorkbenchMain {
    private WorkbenchMain() {}

    /** @return the process exit code */
    public static int launch(String[] args) {
        StartOptions options;
        try {
            options = StartOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("crossbench: " + e.getMessage());
            System.err.println(StartOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            System.out.println(StartOptions.USAGE);
            return 0;
        }
        if (!hasDisplay()) {
            System.err.println("crossbench: no display found (DISPLAY / WAYLAND_DISPLAY are not set), so the workbench "
                    + "window cannot open. Use the command line instead: crossbench --help");
            return 1;
        }
        Application.launch(WorkbenchApp.class, args);
        return 0;
    }

    public static boolean hasDisplay() {
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux")) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
