package dev.crossbench.ui.workspace;

import java.time.LocalDateTime;

/** One finished background task: what it was, when, how long, and how it ended. */
public record RunRecord(LocalDateTime started, String task, double seconds, String outcome) {}
