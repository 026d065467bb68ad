package dev.crossbench.ui.settings;

import dev.crossbench.model.BundledModel;
import dev.crossbench.model.hub.HubModelResolver;
import dev.crossbench.model.hub.HubSettings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cross-encoder the Search and Retrieval views rerank with: a bundled reranker, a model folder
 * or hub id, typed or chosen, shared by both views; blank or {@link #NONE} for the bi-encoder
 * alone. The bundled reranker (when this build has it), the cross-encoders chosen in the Models
 * view and a public hub reranker already in the local cache are offered in {@link #suggestions()}.
 */
public final class RerankerChoice {
    public static final String NONE = "(none)";
    /** A common public reranker, offered only when the local Hugging Face cache holds it (nothing to download then). */
    static final String EXAMPLE = "cross-encoder/ms-marco-MiniLM-L-6-v2";

    private final StringProperty reference = new SimpleStringProperty(NONE);

    private final ObservableList<String> suggestions;

    public RerankerChoice() {
        suggestions = FXCollections.observableArrayList(NONE);
        BundledModel.forTask(BundledModel.Task.RERANKER).ifPresent(m -> suggestions.add(m.displayName()));
        if (new HubModelResolver(HubSettings.fromEnvironment()).isCached(EXAMPLE)) {
            suggestions.add(EXAMPLE);
        }
    }

    private RerankerChoice(ObservableList<String> suggestions) {
        this.suggestions = suggestions;
    }

    /** A choice of its own (starting at none) offering the same cross-encoders, for another use such as verification. */
    public RerankerChoice sharingSuggestions() {
        return new RerankerChoice(suggestions);
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    /** The chosen cross-encoder, or null for none. */
    public String reference() {
        String r = reference.get();
        return r == null || r.isBlank() || r.strip().equals(NONE) ? null : r.strip();
    }

    public void choose(String ref) {
        offer(ref);
        reference.set(ref == null || ref.isBlank() ? NONE : ref);
    }

    /** Lists a cross-encoder among the suggestions without choosing it. */
    public void offer(String ref) {
        if (ref != null && !ref.isBlank() && !suggestions.contains(ref)) {
            suggestions.add(ref);
        }
    }

    public ObservableList<String> suggestions() {
        return suggestions;
    }
}
