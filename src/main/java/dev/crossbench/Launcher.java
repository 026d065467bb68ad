package dev.crossbench;

import dev.crossbench.cli.CrossbenchCli;
import dev.crossbench.ui.WorkbenchMain;
import java.util.Arrays;

/**
 * Entry point of the jar. With no arguments, or {@code gui [options]}, it opens the workbench
 * window; with a command ({@code eval-pairs}, {@code --help}, ...) it runs the command line. It
 * does not extend javafx Application, so the plain class path works without the module system,
 * and a CLI run never loads JavaFX.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (args.length == 0 || args[0].equals("gui")) {
            String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
            System.exit(WorkbenchMain.launch(rest));
        }
        System.exit(CrossbenchCli.run(args));
    }
}
