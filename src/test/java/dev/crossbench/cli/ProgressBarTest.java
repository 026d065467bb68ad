package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redirected logs get plain lines, never carriage-return redraws; errors start on a fresh line (issue 11, defect 10). */
class ProgressBarTest {
    @AfterEach
    void reset() {
        ProgressBar.redraw = false;
    }

    @Test
    void withoutATerminalOnlyPlainLinesAndTheFinalOne() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s, true), "encode");
        for (int i = 0; i <= 1000; i++) {
            bar.update(i, 1000);
        }
        bar.update(1000, 1000);
        bar.done();
        assertFalse(s.toString().contains("\r"), s.toString());
        assertEquals(1, s.toString().lines().count(), "one final line in a fast run: " + s);
        assertTrue(s.toString().startsWith("encode: 1000/1000 100%"), s.toString());
    }

    @Test
    void onATerminalTheBarIsRedrawnAndWipedBeforeAnError() {
        ProgressBar.redraw = true;
        StringWriter s = new StringWriter();
        PrintWriter err = new PrintWriter(s, true);
        new ProgressBar(err, "encode").update(3, 10);
        assertTrue(s.toString().startsWith("\rencode [#########"), s.toString());
        ProgressBar.clearLine(err);
        err.println("error: x");
        String after = s.toString().substring(s.toString().lastIndexOf('\r') + 1);
        assertEquals("error: x", after.strip());
    }
}
