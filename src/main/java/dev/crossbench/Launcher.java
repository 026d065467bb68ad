package dev.crossbench;

import dev.crossbench.cli.CrossbenchCli;

/**
 * Entry point of the jar. It does not extend javafx Application, so the plain class path works
 * without the JavaFX module system.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.exit(CrossbenchCli.run(args));
    }
}
