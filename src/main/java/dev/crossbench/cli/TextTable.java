package dev.crossbench.cli;

import dev.crossbench.core.ControlChars;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table for the terminal; numbers right-aligned, text left-aligned. */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(ControlChars.escape(String.valueOf(c))); // cells echo data: no terminal escapes
        }
        rows.add(r);
        return this;
    }

    void print(PrintWriter out) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < r.size() && i < w.length; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        line(out, header, w);
        StringBuilder sep = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sep.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        out.println(sep);
        for (List<String> r : rows) {
            line(out, r, w);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size() && i < w.length; i++) {
            String c = cells.get(i);
            boolean numeric = c.matches("[-+]?[0-9.,]+(e[-+]?[0-9]+)?[%x*]?");
            if (i > 0) {
                sb.append("  ");
            }
            sb.append(numeric ? " ".repeat(w[i] - c.length()) + c : c + " ".repeat(w[i] - c.length()));
        }
        out.println(sb.toString().stripTrailing());
    }
}
