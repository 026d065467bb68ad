package dev.crossbench.ui.actions;

/** The workbench's panels, in tab order (Ctrl+1 .. Ctrl+9; the tenth, Dedup, from the View menu only). */
public enum View {
    DATA, MODELS, PAIRS, SEARCH, RETRIEVAL, TIMING, TRAINING, HISTORY, DECIDE, DEDUP
}
