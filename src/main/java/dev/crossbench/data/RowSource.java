package dev.crossbench.data;

import java.io.IOException;

/** Yields the records of a delimited file one by one, skipping blank lines. */
interface RowSource {
    /** The next record, or null at the end of the file. */
    DelimitedRow next() throws IOException;
}
