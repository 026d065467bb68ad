package dev.crossbench.ui.task;

/** An error as the window shows it: what failed, the message a user can act on, and the details. */
public record Problem(String title, String message, String details) {}
