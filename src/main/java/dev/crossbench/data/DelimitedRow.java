package dev.crossbench.data;

import java.util.List;

/** The fields of one record of a CSV or TSV file and the line it starts on. */
record DelimitedRow(long line, List<String> fields) {
    int size() {
        return fields.size();
    }

    String field(int index) {
        return fields.get(index);
    }
}
