package dev.crossbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbench.cli.CrossbenchCli;
import dev.crossbench.testutil.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Stage;
import dev.crossbench.ui.charts.ChartImage;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Acceptance: STS-B test loaded as pairs with all-MiniLM-L6-v2 and bge-small-en-v1.5 chosen, the
 * Pairs view shows two scatters whose Spearman values (as printed in the charts) equal the CLI's
 * {@code eval-pairs --json} figures to 4 decimals.
 */
@Tag("slow")
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class PairsAcceptanceTest {
    private static final List<String> MODELS = List.of("all-MiniLM-L6-v2", "bge-small-en-v1.5");
    private static final Pattern SPEARMAN = Pattern.compile("Spearman ρ (-?[0-9]+\\.[0-9]+)");
    private WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = WorkbenchFixture.open(stage);
    }

    @AfterEach
    void close() {
        app.close();
    }

    static double spearmanIn(String chartSubtitle) {
        Matcher m = SPEARMAN.matcher(chartSubtitle);
        if (!m.find()) {
            throw new AssertionError("no Spearman value in '" + chartSubtitle + "'");
        }
        return Double.parseDouble(m.group(1));
    }

    @Test
    void pairsViewShowsTheSpearmanOfTheCliEvalPairs(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path stsb = SharedData.stsb("test");
        WorkbenchFixture.fx(() -> {
            MODELS.forEach(app.ui().actions()::addModel);
            app.ui().actions().openPairs(stsb);
        });
        app.waitIdle(120);
        robot.clickOn("Pairs");
        robot.clickOn("#compareButton");
        app.waitIdle(1800);
        assertNull(app.ui().problems().current(), () -> "no error: " + app.ui().problems().current());

        Map<String, Double> shown = new LinkedHashMap<>();
        for (ChartImage v : robot.lookup(".scatter").queryAllAs(ChartImage.class)) {
            shown.put(v.chart().getTitle().getText(), spearmanIn(((TextTitle) v.chart().getSubtitle(0)).getText()));
        }
        assertEquals(MODELS, List.copyOf(shown.keySet()), "one scatter per model, side by side in order");

        Path json = tmp.resolve("eval-pairs.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrossbenchCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "eval-pairs", "--model", MODELS.get(0),
                "--model", MODELS.get(1), "--pairs", stsb.toString(), "--json", json.toString());
        assertEquals(0, code, err.toString());
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        for (var e : result.getAsJsonArray("models")) {
            JsonObject model = e.getAsJsonObject();
            String name = model.get("model").getAsString();
            double cli = model.getAsJsonObject("correlations").getAsJsonObject("cosine").get("spearman").getAsDouble();
            System.out.printf("%s: Spearman in the Pairs view %.4f, CLI eval-pairs %.6f%n", name, shown.get(name), cli);
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", cli), String.format(java.util.Locale.ROOT, "%.4f", shown.get(name)),
                    name + ": the chart shows the CLI's value to 4 decimals");
        }
    }
}
