package dev.crossbench.tour;

import dev.crossbench.ui.Workbench;
import dev.crossbench.ui.WorkbenchApp;
import dev.crossbench.ui.WorkbenchMain;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.application.Application;

/**
 * The screenshot tour ({@code scripts/screenshots.sh}): opens the workbench with the given workbench options, lets
 * {@link DemoTour} save a PNG of every view into OUT_DIR, and exits with 0 only when every step of the tour ran.
 * Kept in the test sources so that the shipped jar holds no script.
 *
 * <pre>ScreenshotTour OUT_DIR [crossbench gui options...]</pre>
 */
public final class ScreenshotTour {
    private static volatile Path outDir;

    private ScreenshotTour() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ScreenshotTour OUT_DIR [crossbench gui options...]");
            System.exit(2);
        }
        if (!WorkbenchMain.hasDisplay()) {
            System.err.println("screenshot tour: no display (run it under xvfb-run, as scripts/screenshots.sh does)");
            System.exit(1);
        }
        outDir = Path.of(args[0]);
        Application.launch(TourApp.class, Arrays.copyOfRange(args, 1, args.length));
        System.exit(DemoTour.exitCode());
    }

    /** The workbench application with the tour started once its window is up. */
    public static final class TourApp extends WorkbenchApp {
        @Override
        protected void started(Workbench workbench) {
            new DemoTour(workbench, outDir).start();
        }
    }
}
