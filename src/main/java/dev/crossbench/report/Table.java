package dev.crossbench.report;

import java.util.List;

/** A table as exported: a file-friendly name, the header and rows of text cells. */
public record Table(String name, List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
