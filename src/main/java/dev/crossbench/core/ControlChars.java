package dev.crossbench.core;

/**
 * Makes text from data files safe to print: control characters (C0 but tab, DEL, C1) are written as
 * escapes, so a line break cannot split a one-line error and an ESC sequence cannot drive the terminal
 * (OSC 52 writes the clipboard). What was there stays visible: "\n", "\x1b".
 */
public final class ControlChars {
    private ControlChars() {}

    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(ControlChars::isControl)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else {
                b.append(String.format("\\x%02x", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean isControl(int c) {
        return c != '\t' && (c < 0x20 || c >= 0x7f && c <= 0x9f);
    }
}
