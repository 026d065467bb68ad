package dev.crossbench.ui.workspace;

import dev.crossbench.model.EngineChoice;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.PoolingMode;
import dev.crossbench.model.encode.EncodeOptions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A bi-encoder the user has chosen, with the options the Models view edits. Starts from the
 * model's own defaults; {@link #spec()} freezes the current values for a background task.
 */
public final class ModelChoice {
    private final ModelDescriptor descriptor;
    private final BooleanProperty selected = new SimpleBooleanProperty(true);
    private final ObjectProperty<EngineChoice> engine = new SimpleObjectProperty<>(EngineChoice.AUTO);
    private final IntegerProperty batchSize;
    private final IntegerProperty maxSeqLength;
    private final ObjectProperty<PoolingMode> pooling;
    private final BooleanProperty normalize;
    private final StringProperty queryPrompt;
    private final StringProperty documentPrompt;
    private final StringProperty pairPrompt;

    public ModelChoice(ModelDescriptor descriptor) {
        this.descriptor = descriptor;
        EncodeOptions d = descriptor.defaults();
        batchSize = new SimpleIntegerProperty(d.batchSize());
        maxSeqLength = new SimpleIntegerProperty(d.maxSeqLength());
        pooling = new SimpleObjectProperty<>(d.pooling());
        normalize = new SimpleBooleanProperty(d.normalize());
        queryPrompt = new SimpleStringProperty(d.queryPrompt());
        documentPrompt = new SimpleStringProperty(d.documentPrompt());
        pairPrompt = new SimpleStringProperty(d.pairPrompt());
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    public String name() {
        return descriptor.name();
    }

    /** The longest input the model's position embeddings allow. */
    public int maxPositions() {
        return descriptor.config().maxPositionEmbeddings();
    }

    public ModelSpec spec() {
        EncodeOptions o = new EncodeOptions(pooling.get(), normalize.get(), maxSeqLength.get(), batchSize.get(),
                queryPrompt.get(), documentPrompt.get(), pairPrompt.get());
        return new ModelSpec(descriptor, engine.get(), o);
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public ObjectProperty<EngineChoice> engineProperty() {
        return engine;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty maxSeqLengthProperty() {
        return maxSeqLength;
    }

    public ObjectProperty<PoolingMode> poolingProperty() {
        return pooling;
    }

    public BooleanProperty normalizeProperty() {
        return normalize;
    }

    public StringProperty queryPromptProperty() {
        return queryPrompt;
    }

    public StringProperty documentPromptProperty() {
        return documentPrompt;
    }

    public StringProperty pairPromptProperty() {
        return pairPrompt;
    }

    @Override
    public String toString() {
        return name();
    }
}
