package dev.crossbench.ui.start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options of the workbench ({@code crossbench gui [options]}).
 *
 * @param pairs       pairs file to open at start instead of the most recent one or the sample
 * @param models      models (bi- or cross-encoders) to choose at start instead of the remembered ones
 * @param startupLoad false with --empty: start with nothing loaded (tests and demos of empty states)
 */
public record StartOptions(Optional<Path> pairs, List<String> models, boolean startupLoad,
        boolean help) {

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: crossbench gui [--pairs FILE] [--model M]... [--empty]",
            "Opens the Crossbench workbench, as plain `crossbench` does (any other first argument runs the",
            "command line; see crossbench --help).",
            "  --pairs FILE      open this labeled-pair file (default: the most recent one, else sample-data/pairs-test.csv)",
            "  --model M         choose this model, bi- or cross-encoder (repeatable; default: the remembered ones, else",
            "                    all-MiniLM-L6-v2 and the bundled pair scorer)",
            "  --empty           start with nothing loaded (the saved session is neither restored nor replaced)");

    public static StartOptions defaults() {
        return new StartOptions(Optional.empty(), List.of(), true, false);
    }

    public static StartOptions parse(List<String> args) {
        Path pairs = null;
        List<String> models = new ArrayList<>();
        boolean load = true;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--pairs" -> pairs = Path.of(value(args, ++i, a));
                case "--model" -> models.add(value(args, ++i, a));
                case "--empty" -> load = false;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown workbench option '" + a + "'");
            }
        }
        return new StartOptions(Optional.ofNullable(pairs), List.copyOf(models), load, help);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
