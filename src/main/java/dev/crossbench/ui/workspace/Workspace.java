package dev.crossbench.ui.workspace;

import dev.crossbench.app.ModelKind;
import dev.crossbench.app.ModelSpec;
import dev.crossbench.data.Corpus;
import dev.crossbench.data.PairDataset;
import dev.crossbench.data.Qrels;
import dev.crossbench.data.QuerySet;
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
    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final ObjectProperty<QuerySet> queries = new SimpleObjectProperty<>();
    private final ObjectProperty<Qrels> qrels = new SimpleObjectProperty<>();
    /** How corpus, queries and qrels fit together; null until all three are loaded and checked. */
    private final ObjectProperty<RetrievalCheck> retrievalCheck = new SimpleObjectProperty<>();
    private final ObjectProperty<RetrievalComparison> retrieval = new SimpleObjectProperty<>();
    /** The index the Search view's last build or search opened; null before the first. */
    private final ObjectProperty<SearchIndexInfo> searchIndex = new SimpleObjectProperty<>();
    private final ObjectProperty<SearchOutcome> search = new SimpleObjectProperty<>();
    private final ObservableList<TrainedModel> trained = FXCollections.observableArrayList();
    private final ObjectProperty<TrainingRun> training = new SimpleObjectProperty<>();
    /** The Decide view's latest result; null before the first and after the collection changed. */
    private final ObjectProperty<dev.crossbench.app.decide.Decision> decision = new SimpleObjectProperty<>();
    /** The Dedup view's latest run (it keeps its own input, so loading other data leaves it); null before the first. */
    private final ObjectProperty<DedupOutcome> dedup = new SimpleObjectProperty<>();
    /** The thresholds the Dedup view applies to that run now (its sliders); exports use the same. */
    private final ObjectProperty<dev.crossbench.dedup.AcceptRule> dedupRule = new SimpleObjectProperty<>();

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

    public ObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }

    public Corpus corpus() {
        return corpus.get();
    }

    public ObjectProperty<QuerySet> queriesProperty() {
        return queries;
    }

    public QuerySet queries() {
        return queries.get();
    }

    public ObjectProperty<Qrels> qrelsProperty() {
        return qrels;
    }

    public Qrels qrels() {
        return qrels.get();
    }

    /** A new corpus, query set or qrels file invalidates the check and the evaluation made with the old one. */
    public void setCorpus(Corpus c) {
        retrievalChanged();
        corpus.set(c);
    }

    public void setQueries(QuerySet q) {
        retrievalChanged();
        queries.set(q);
    }

    public void setQrels(Qrels q) {
        retrievalChanged();
        qrels.set(q);
    }

    private void retrievalChanged() {
        retrievalCheck.set(null);
        retrieval.set(null);
        decision.set(null);
    }

    public ObjectProperty<RetrievalCheck> retrievalCheckProperty() {
        return retrievalCheck;
    }

    public RetrievalCheck retrievalCheck() {
        return retrievalCheck.get();
    }

    public ObjectProperty<RetrievalComparison> retrievalProperty() {
        return retrieval;
    }

    public RetrievalComparison retrieval() {
        return retrieval.get();
    }

    public ObjectProperty<SearchIndexInfo> searchIndexProperty() {
        return searchIndex;
    }

    public ObjectProperty<SearchOutcome> searchProperty() {
        return search;
    }

    public SearchOutcome search() {
        return search.get();
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

    public ObjectProperty<dev.crossbench.app.decide.Decision> decisionProperty() {
        return decision;
    }

    public dev.crossbench.app.decide.Decision decision() {
        return decision.get();
    }

    public ObjectProperty<DedupOutcome> dedupProperty() {
        return dedup;
    }

    public DedupOutcome dedup() {
        return dedup.get();
    }

    public ObjectProperty<dev.crossbench.dedup.AcceptRule> dedupRuleProperty() {
        return dedupRule;
    }

    public dev.crossbench.dedup.AcceptRule dedupRule() {
        return dedupRule.get();
    }

    /** A new run comes with its own rule (the run's thresholds); no rule while the run changes, as the old one may not apply. */
    public void setDedup(DedupOutcome outcome) {
        dedupRule.set(null);
        dedup.set(outcome);
        dedupRule.set(outcome.result().rule());
    }
}
