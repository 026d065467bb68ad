package dev.crossbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.core.ControlChars;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data echoed to the terminal carries no control characters (issue 11, defect 10: terminal injection). */
class ControlCharsTest {
    private static final String OSC52 = "\u001b]52;c;aGk=\u0007";

    @TempDir
    Path dir;

    @Test
    void escapesC0C1AndDelButKeepsTabsAndText() {
        assertEquals("a\tb \\x1b]52;c;aGk=\\x07 \\n\\r \\x00 \\x7f \\x9b é", ControlChars.escape("a\tb " + OSC52 + " \n\r \0 \u007f \u009b é"));
        assertEquals("plain", ControlChars.escape("plain"));
    }

    @Test
    void anErrorQuotingTheDataStaysOneLineWithoutEscapes() throws IOException {
        Path pairs = Files.writeString(dir.resolve("p.csv"), "sentence1" + OSC52 + ",x\nline\nmore\n");
        CliRun run = CliRun.of("eval-pairs", "--model", "m", "--pairs", pairs.toString());
        run.assertOneLineError("p.csv");
        assertFalse(run.err().strip().chars().anyMatch(c -> c < 0x20 && c != '\t'), run.err());
        assertTrue(run.err().contains("\\x1b]52"), run.err());
    }

    @Test
    void tableCellsAreEscaped() {
        StringWriter s = new StringWriter();
        new TextTable("rank", "text").row(1, "doc " + OSC52 + "\nsecond line").print(new PrintWriter(s, true));
        assertFalse(s.toString().contains("\u001b"), s.toString());
        assertEquals(3, s.toString().lines().count(), "header, rule and one row: " + s);
    }
}
