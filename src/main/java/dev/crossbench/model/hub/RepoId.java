package dev.crossbench.model.hub;

import dev.crossbench.model.ModelLoadException;
import java.util.regex.Pattern;

/** A validated hub model id, {@code org/name} or a legacy bare {@code name}. */
record RepoId(String id) {
    // huggingface_hub's validate_repo_id rules; they also keep ids safe as cache folder names.
    private static final Pattern SYNTAX = Pattern.compile("([A-Za-z0-9_.\\-]+/)?[A-Za-z0-9_.\\-]+");
    private static final int MAX_LENGTH = 96;

    static RepoId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ModelLoadException("no hub model id given (expected org/name)");
        }
        String id = text.trim();
        if (id.startsWith("http://") || id.startsWith("https://")) {
            throw new ModelLoadException("'" + id + "' is a URL; give the hub model id instead, e.g. "
                    + "sentence-transformers/all-MiniLM-L6-v2");
        }
        String problem = problem(id);
        if (problem != null) {
            throw new ModelLoadException("invalid hub model id '" + id + "': " + problem);
        }
        return new RepoId(id);
    }

    private static String problem(String id) {
        if (id.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (!SYNTAX.matcher(id).matches()) {
            return "expected org/name made of letters, digits, '-', '_' and '.'";
        }
        if (id.contains("--") || id.contains("..")) {
            return "'--' and '..' are not allowed";
        }
        for (String part : id.split("/")) {
            if (part.startsWith("-") || part.startsWith(".") || part.endsWith("-") || part.endsWith(".")) {
                return "a part may not start or end with '-' or '.'";
            }
        }
        return null;
    }

    /** The cache folder name huggingface_hub uses: {@code models--org--name}. */
    String cacheFolderName() {
        return "models--" + id.replace("/", "--");
    }

    @Override
    public String toString() {
        return id;
    }
}
