package dev.crossbench.ui.settings;

import dev.crossbench.app.decide.DecideSettings;
import dev.crossbench.app.decide.LatencyBudget;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Decide view's inputs as typed; {@link #toSettings()} checks them (one line per problem). */
public final class DecideRunSettings {
    public static final int MAX_QUERIES = 100_000;

    private final StringProperty budgets = new SimpleStringProperty("50 ms, 500 ms, 5 s");
    private final StringProperty corpusSize = new SimpleStringProperty("1,000,000");
    private final StringProperty depths = new SimpleStringProperty("10, 20, 50, 100");
    /** Judged queries measured (drawn at random, seeded); 0 for all. */
    private final IntegerProperty queriesSample = new SimpleIntegerProperty(20);
    /** At most this many sampled queries are answered by the cross-encoder alone. */
    private final IntegerProperty crossAloneQueries = new SimpleIntegerProperty(5);
    /** Time allowed for the cross-encoder alone; a query that would take longer is extrapolated instead. */
    private final DoubleProperty crossAloneSeconds = new SimpleDoubleProperty(120);

    public StringProperty budgetsProperty() {
        return budgets;
    }

    public StringProperty corpusSizeProperty() {
        return corpusSize;
    }

    public StringProperty depthsProperty() {
        return depths;
    }

    public IntegerProperty queriesSampleProperty() {
        return queriesSample;
    }

    public IntegerProperty crossAloneQueriesProperty() {
        return crossAloneQueries;
    }

    public DoubleProperty crossAloneSecondsProperty() {
        return crossAloneSeconds;
    }

    /** "50 ms, 500 ms; 5s" -> three budgets. */
    public List<LatencyBudget> parsedBudgets() {
        List<LatencyBudget> out = new ArrayList<>();
        for (String part : budgets.get() == null ? new String[0] : budgets.get().split("[,;]")) {
            if (!part.isBlank()) {
                out.add(LatencyBudget.parse(part.strip()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("give at least one latency budget, e.g. 50 ms, 500 ms, 5 s");
        }
        return out;
    }

    public DecideSettings toSettings() {
        List<Integer> k = RetrievalRunSettings.parseDepths(depths.get());
        DecideSettings d = DecideSettings.defaults(parsedBudgets()).withTargetCorpusSize(DecideSettings.parseCorpusSize(corpusSize.get()))
                .withQueriesSample(queriesSample.get(), 42).withCrossAlone(crossAloneQueries.get(),
                crossAloneSeconds.get());
        return k.isEmpty() ? d : d.withDepths(k);
    }
}
