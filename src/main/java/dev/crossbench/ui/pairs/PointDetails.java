package dev.crossbench.ui.pairs;

import dev.crossbench.data.LabeledPair;
import dev.crossbench.report.Palette;
import dev.crossbench.ui.common.Formats;
import dev.crossbench.ui.workspace.ModelPairResult;
import dev.crossbench.ui.workspace.PairComparison;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Fills the details pane for the selected pair: both texts, the gold score and every model's score. */
final class PointDetails {
    private final Label header;
    private final Label text1;
    private final Label text2;
    private final GridPane scores;

    PointDetails(Label header, Label text1, Label text2, GridPane scores) {
        this.header = header;
        this.text1 = text1;
        this.text2 = text2;
        this.scores = scores;
    }

    void show(PairComparison c, int index) {
        scores.getChildren().clear();
        if (c == null || index < 0 || index >= c.data().size()) {
            header.setText("Click a dot or a table row to see the pair");
            text1.setText("");
            text2.setText("");
            return;
        }
        LabeledPair p = c.data().get(index);
        header.setText("Pair " + (index + 1) + " of " + c.data().size());
        text1.setText("A: " + p.sentence1());
        text2.setText("B: " + p.sentence2());
        scores.addRow(0, label("gold", "score-name"), label(Formats.score(p.score()), "score-value"));
        for (int m = 0; m < c.models().size(); m++) {
            ModelPairResult r = c.models().get(m);
            Label name = label(r.name(), "score-name");
            name.setStyle("-fx-text-fill: " + Palette.css(Palette.model(m)) + ";");
            scores.addRow(m + 1, name, label(Formats.score(r.predicted()[index]) + " (" + r.function() + ")", "score-value"));
        }
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        return l;
    }
}
