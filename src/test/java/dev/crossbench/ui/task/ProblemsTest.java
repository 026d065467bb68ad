package dev.crossbench.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbench.data.DataFormatException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void userErrorsShowTheirOwnMessageAndKeepTheStackTraceAsDetails() {
        Problems p = new Problems();
        p.report("Load pairs x.csv failed", new RuntimeException(new DataFormatException(Path.of("x.csv"), 3, "no score")));
        assertEquals("x.csv:3: no score", p.current().message());
        assertTrue(p.current().details().contains("DataFormatException"));
        p.dismiss();
        assertNull(p.current());
    }

    @Test
    void otherErrorsNameTheirType() {
        assertEquals("IllegalStateException: boom", Problems.userMessage(new IllegalStateException("boom")));
        assertEquals("OutOfMemoryError", Problems.userMessage(new OutOfMemoryError()));
    }
}
