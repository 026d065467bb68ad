package dev.crossbench.ui;

/** The workbench's panels, in tab order (Ctrl+1 .. Ctrl+9). */
public enum View {
    DATA, MODELS, PAIRS, SEARCH, RETRIEVAL, TIMING, TRAINING, HISTORY, DECIDE
}
