package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process CLI run with its exit code and both streams, and the one-line-error check the CLI tests share. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrossbenchCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Exit code 1 and a single `error: ...` line holding every fragment, with no stack trace. */
    void assertOneLineError(String... fragments) {
        assertEquals(1, code, "exit code; stderr: " + err);
        String e = err.strip();
        assertFalse(e.contains("\n"), "one line expected: " + e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), "no stack trace: " + e);
        assertTrue(e.startsWith("error: "), e);
        for (String f : fragments) {
            assertTrue(e.contains(f), "'" + f + "' missing from: " + e);
        }
    }
}
