package dev.crossbench.ui.workspace;

import dev.crossbench.search.TwoStageResult;

/** A finished search: what was asked, the hits of each stage with their times, and the index used. */
public record SearchOutcome(SearchRequest request, TwoStageResult result, SearchIndexInfo index) {}
