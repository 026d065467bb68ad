package dev.crossbench.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartOptionsTest {
    @Test
    void defaultsLoadAtStart() {
        StartOptions o = StartOptions.parse(List.of());
        assertTrue(o.startupLoad());
        assertTrue(o.pairs().isEmpty() && o.models().isEmpty());
    }

    @Test
    void readsEveryOption() {
        StartOptions o = StartOptions.parse(List.of("--pairs", "p.csv", "--model", "a", "--model", "b", "--empty"));
        assertEquals(Path.of("p.csv"), o.pairs().orElseThrow());
        assertEquals(List.of("a", "b"), o.models());
        assertFalse(o.startupLoad());
    }

    @Test
    void rejectsUnknownOptionsAndMissingValues() {
        assertThrows(IllegalArgumentException.class, () -> StartOptions.parse(List.of("--bogus")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StartOptions.parse(List.of("--pairs")));
        assertEquals("--pairs needs a value", e.getMessage());
        assertTrue(StartOptions.parse(List.of("--help")).help());
    }
}
