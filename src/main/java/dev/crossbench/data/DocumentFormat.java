package dev.crossbench.data;

/**
 * How a document becomes the one text a model reads. BEIR and MTEB give models
 * {@code (title + " " + text).strip()}; leaving the title out is the other common choice.
 */
public record DocumentFormat(boolean withTitle, String separator) {
    public static final DocumentFormat TITLE_AND_TEXT = new DocumentFormat(true, " ");
    public static final DocumentFormat TEXT_ONLY = new DocumentFormat(false, " ");

    public DocumentFormat {
        separator = separator == null ? " " : separator;
    }

    public String apply(Document d) {
        if (!withTitle || d.title().isEmpty()) {
            return d.text().strip();
        }
        return (d.title() + separator + d.text()).strip();
    }

    public static DocumentFormat parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "title+text", "title-text", "title_text" -> TITLE_AND_TEXT;
            case "text" -> TEXT_ONLY;
            default -> throw new IllegalArgumentException("unknown document format '" + s + "' (expected title+text or text)");
        };
    }

    public String label() {
        return withTitle ? "title+text" : "text";
    }
}
