package dev.crossbench.data;

/** Gson's parse errors cut to one line: its advice (setStrictness, a Troubleshooting URL) helps no user of ours. */
public final class JsonErrors {
    private JsonErrors() {}

    public static String brief(Throwable e) {
        Throwable t = e;
        // JsonSyntaxException wraps MalformedJsonException and prefixes the class name: use the innermost message.
        while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int cut = m.indexOf("\nSee ");
        m = cut >= 0 ? m.substring(0, cut) : m;
        m = m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON at", "at");
        return m.replace('\n', ' ').strip();
    }
}
