package dev.crossbench.ui.workspace;

import dev.crossbench.data.PairDataset;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Model of the workbench's MVC: what is loaded, chosen and measured. Controllers bind to it;
 * only the FX thread changes it (background tasks hand their results over on completion).
 */
public final class Workspace {
    private final ObjectProperty<PairDataset> pairs = new SimpleObjectProperty<>();
    private final ObservableList<ModelChoice> models =
            FXCollections.observableArrayList(m -> new Observable[] {m.selectedProperty()});
    private final ObjectProperty<PairComparison> comparison = new SimpleObjectProperty<>();
    /** The pair (0-based index into the loaded pairs) picked in a scatter or table; -1 for none. */
    private final IntegerProperty selectedPair = new SimpleIntegerProperty(-1);
    private final ObservableList<TimingRow> timings = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    private final ObjectProperty<EnvironmentInfo> environment = new SimpleObjectProperty<>();
    private final ObservableList<TrainedModel> trained = FXCollections.observableArrayList();
    private final ObjectProperty<TrainingRun> training = new SimpleObjectProperty<>();

    public ObjectProperty<PairDataset> pairsProperty() {
        return pairs;
    }

    public PairDataset pairs() {
        return pairs.get();
    }

    /** New pairs invalidate results computed on the old ones. */
    public void setPairs(PairDataset data) {
        selectedPair.set(-1);
        comparison.set(null);
        pairs.set(data);
    }

    public ObservableList<ModelChoice> models() {
        return models;
    }

    /** The ticked models of both kinds, in list order. */
    public java.util.List<ModelSpec> selectedSpecs() {
        return models.stream().filter(ModelChoice::isSelected).map(ModelChoice::spec).toList();
    }

    /** The ticked models of one kind (search and retrieval embed with bi-encoders only). */
    public java.util.List<ModelSpec> selectedSpecs(ModelKind kind) {
        return selectedSpecs().stream().filter(s -> s.kind() == kind).toList();
    }

    public boolean hasModel(String name) {
        return models.stream().anyMatch(m -> m.name().equalsIgnoreCase(name));
    }

    public ObjectProperty<PairComparison> comparisonProperty() {
        return comparison;
    }

    public PairComparison comparison() {
        return comparison.get();
    }

    public void setComparison(PairComparison c) {
        selectedPair.set(-1);
        comparison.set(c);
    }

    public IntegerProperty selectedPairProperty() {
        return selectedPair;
    }

    public ObservableList<TimingRow> timings() {
        return timings;
    }

    public ObservableList<RunRecord> history() {
        return history;
    }

    public ObjectProperty<EnvironmentInfo> environmentProperty() {
        return environment;
    }

    public EnvironmentInfo environment() {
        return environment.get();
    }

    /** Models trained in this session (successful runs), offered again in the Models view. */
    public ObservableList<TrainedModel> trained() {
        return trained;
    }

    /** The latest training run (running or finished); null before the first. */
    public ObjectProperty<TrainingRun> trainingProperty() {
        return training;
    }

    public TrainingRun training() {
        return training.get();
    }
}
