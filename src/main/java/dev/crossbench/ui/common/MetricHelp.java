package dev.crossbench.ui.common;

import dev.crossbench.eval.IrMeasure;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** One-paragraph explanations of every number the workbench shows, used as tooltips. */
public enum MetricHelp {
    PEARSON("Pearson r: how well a straight line relates the model's score to the gold score "
            + "(1 = perfectly linear, 0 = no linear relation). Sensitive to the scale of the scores."),
    SPEARMAN("Spearman ρ: Pearson's r of the ranks. 1 means the model orders the pairs exactly as the "
            + "gold scores do, whatever its scale. The usual headline figure for STS (published ×100)."),
    CONFIDENCE_INTERVAL("95% bootstrap interval: the pairs are resampled with replacement 1,000 times; "
            + "95% of the resampled correlations fall inside. Two models whose intervals overlap a lot may "
            + "not really differ on data like this."),
    GOLD_GAP("Gap vs gold: how far apart the model puts the pair compared with the gold score, as a "
            + "difference of percentile ranks (0 = same place, 1 = opposite ends). The largest over the models."),
    MODEL_GAP("Gap between models: the largest difference of percentile ranks between any two models "
            + "for this pair (0 = they place it the same)."),
    THROUGHPUT("Throughput: texts encoded (bi-encoders) or pairs scored (cross-encoders) per second over a whole "
            + "list, batched (after a warm-up pass); the median of the timed passes. Log scale."),
    LATENCY("Latency: time to encode one query on its own (a batch of one), as a search would; "
            + "median and 95th percentile over the timed queries. For a cross-encoder: time to score one query "
            + "against its K candidates (median of the repeats). Log scale."),
    TOKENS_PER_SECOND("Tokens per second: real (non-padding) tokens processed per second."),
    BATCH_SIZE("Batch size: texts (or, for a cross-encoder, pairs) per forward pass. Larger batches use the hardware "
            + "better, up to a point, but make each text wait for its batch."),
    NDCG("nDCG@10: normalised discounted cumulative gain of the first 10 results. Relevant documents count "
            + "by their grade, less the lower they are ranked; 1 = the best possible order. BEIR's headline figure."),
    MRR("MRR@10: 1 / rank of the first relevant document within the top 10 (0 when there is none), averaged "
            + "over the queries. How soon a user finds one good answer."),
    RECALL("Recall@K: share of a query's relevant documents found in the top K. For a two-stage search, "
            + "Recall@K of the bi-encoder bounds what reranking its top K can reach."),
    MAP("MAP@K: mean average precision; the precision at each relevant document's rank within the top K, "
            + "averaged. Rewards putting all relevant documents early."),
    PRECISION("P@10: share of the first 10 results that are relevant."),
    RERANK_DEPTH("K: how many of the bi-encoder's candidates the cross-encoder reranks. More candidates can "
            + "only help recall, but reranking costs one cross-encoder pass per candidate."),
    RERANK_GAIN("Gain: nDCG@10 after reranking minus nDCG@10 of the bi-encoder alone, for one query. "
            + "Positive = reranking helped, negative = it hurt."),
    STAGE_LATENCY("Stage latency: time for one query, stage by stage: encoding the query, searching the index, "
            + "and reranking the top K with the cross-encoder (median over the queries in an evaluation)."),
    RERANK_COST("Rerank cost: a cross-encoder reads each (query, candidate) pair, so reranking K candidates costs K "
            + "forward passes per query. 'cross / bi encode' divides its time by a bi-encoder's encoding the same K "
            + "candidates (same work per text: the compute ratio); 'cross / bi indexed' by a real index's cost, which "
            + "encodes only the query and takes K dot products with stored vectors. K: candidates per query.");

    private final String text;

    MetricHelp(String text) {
        this.text = text;
    }

    /** The explanation of a ranking measure (nDCG, MRR...). */
    public static MetricHelp of(IrMeasure measure) {
        return switch (measure) {
            case NDCG -> NDCG;
            case MRR -> MRR;
            case RECALL -> RECALL;
            case MAP -> MAP;
            case PRECISION -> PRECISION;
        };
    }

    public String text() {
        return text;
    }

    public Tooltip tooltip() {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    public void install(Node node) {
        if (node instanceof Control c) {
            c.setTooltip(tooltip());
        } else {
            Tooltip.install(node, tooltip());
        }
    }

    /** Column headers take a tooltip through a label graphic. */
    public void install(TableColumn<?, ?> column) {
        Label header = new Label(column.getText());
        header.setTooltip(tooltip());
        column.setText(null);
        column.setGraphic(header);
    }
}
