package dev.crossbench.cli;

import dev.crossbench.core.ControlChars;
import dev.crossbench.core.CrossbenchException;
import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code crossbench} command line: subcommands share the services the workbench uses. */
@Command(name = "crossbench", mixinStandardHelpOptions = true, version = "crossbench 0.1.0",
        description = "Compare bi-encoders and cross-encoders on your own data.",
        subcommands = {ModelsCommand.class, EncodeCommand.class, EvalPairsCommand.class, EvalRetrievalCommand.class,
                SearchCommand.class, DecideCommand.class, MineNegativesCommand.class, DedupCommand.class, BenchCommand.class, TrainCommand.class, BundleCommand.class,
                CommandLine.HelpCommand.class})
public final class CrossbenchCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        ProgressBar.redraw = ProgressBar.stderrIsTerminal();
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        CommandLine cl = new CommandLine(new CrossbenchCli());
        addHelpOptions(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = rootUserError(ex);
            ProgressBar.clearLine(commandLine.getErr()); // the error starts on a fresh line, not on a bar
            if (t instanceof CrossbenchException || t instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + ControlChars.escape(t.getMessage()));
                return 1;
            }
            if (t instanceof CancellationException) {
                commandLine.getErr().println("cancelled: " + t.getMessage());
                return 130;
            }
            commandLine.getErr().println("internal error: " + ControlChars.escape(String.valueOf(t)));
            if (Boolean.getBoolean("crossbench.debug")) {
                t.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(run with -Dcrossbench.debug=true for the stack trace)");
            }
            return 2;
        });
        return cl.execute(args);
    }

    /** Every subcommand answers --help and --version, not only the top level. */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            addHelpOptions(sub);
        }
    }

    private static Throwable rootUserError(Throwable ex) {
        Throwable t = ex;
        while (t != null) {
            if (t instanceof CrossbenchException || t instanceof CancellationException) {
                return t;
            }
            t = t.getCause();
        }
        return ex;
    }
}
