package dev.crossbench.cli;

import dev.crossbench.core.CrossbenchException;
import dev.crossbench.data.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for a command's files, applied before any work: every input and output is resolved
 * (symbolic links and "..", hard links for files that exist), an output that is one of the inputs or
 * another output is refused with one line naming both (writing it would destroy data), an output
 * folder may not hold an input, and every output target is checked to be writable, so a read-only
 * target fails in a second rather than after an hour of evaluation.
 */
final class CommandPaths {
    private record Named(String option, Path given, Path resolved, boolean folder) {
        String label() {
            return option + " " + given;
        }
    }

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    /** An input file or folder; null (an option not given) is ignored. */
    CommandPaths input(String option, Path path) {
        if (path != null) {
            inputs.add(named(option, path, false));
        }
        return this;
    }

    /** A model reference: an input only when it names a local file or folder (not a built-in name or hub id). */
    CommandPaths model(String option, String reference) {
        Path path = reference == null ? null : Path.of(reference);
        if (path != null && Files.exists(path)) {
            inputs.add(named(option, path, Files.isDirectory(path)));
        }
        return this;
    }

    CommandPaths models(String option, List<String> references) {
        references.forEach(r -> model(option, r));
        return this;
    }

    /** An output file; null is ignored. */
    CommandPaths output(String option, Path path) {
        if (path != null) {
            outputs.add(named(option, path, false));
        }
        return this;
    }

    /** An output folder, replaced as a whole: it may not hold an input or another output. */
    CommandPaths outputFolder(String option, Path path) {
        if (path != null) {
            outputs.add(named(option, path, true));
        }
        return this;
    }

    /** Throws a one-line {@link CrossbenchException} at the first conflict or unwritable target. */
    void check() {
        for (int i = 0; i < outputs.size(); i++) {
            Named out = outputs.get(i);
            for (Named in : inputs) {
                if (same(out, in)) {
                    throw new CrossbenchException(out.label() + " is the same file as " + in.label()
                            + ": refusing to overwrite an input");
                }
                if (out.folder() && in.resolved().startsWith(out.resolved())) {
                    throw new CrossbenchException(out.label() + " would replace the folder holding " + in.label());
                }
                if (in.folder() && out.resolved().startsWith(in.resolved()) && Files.exists(out.resolved())) {
                    throw new CrossbenchException(out.label() + " would overwrite a file of " + in.label());
                }
            }
            for (Named other : outputs.subList(0, i)) {
                if (same(out, other) || out.folder() && other.resolved().startsWith(out.resolved())
                        || other.folder() && out.resolved().startsWith(other.resolved())) {
                    throw new CrossbenchException(out.label() + " is the same file as " + other.label()
                            + ": give each output its own name");
                }
            }
        }
        for (Named out : outputs) {
            if (out.folder()) {
                AtomicFile.checkFolderWritable(out.resolved().getParent(), out.label());
            } else {
                AtomicFile.checkWritable(out.resolved(), out.label());
            }
        }
    }

    private static boolean same(Named a, Named b) {
        if (a.resolved().equals(b.resolved())) {
            return true;
        }
        try {
            return Files.exists(a.resolved()) && Files.exists(b.resolved()) && Files.isSameFile(a.resolved(), b.resolved());
        } catch (IOException e) {
            return false;
        }
    }

    private static Named named(String option, Path path, boolean folder) {
        return new Named(option, path, resolve(path), folder);
    }

    /** The real path of the longest existing prefix, with the rest appended: a file not yet written resolves too. */
    static Path resolve(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
