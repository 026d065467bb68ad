package dev.crossbench.ui;

import dev.crossbench.ui.workspace.PairComparison;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Drives the running workbench for screenshots ({@code --demo-tour DIR}): waits for the start-up
 * comparison, measures timing, trains a small cross-encoder, searches and evaluates retrieval with
 * it as reranker, picks the pair the models disagree on most, saves a snapshot of
 * every view, shows the error bar with a malformed file, exports the report, and quits. It runs
 * as a script on its own thread and touches the UI only through {@link #onFx}.
 */
public final class DemoTour {
    private static final long TASK_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(15);
    private final Workbench workbench;
    private final Path dir;

    public DemoTour(Workbench workbench, Path dir) {
        this.workbench = workbench;
        this.dir = dir;
    }

    public void start() {
        Thread t = new Thread(this::runSafely, "crossbench-demo-tour");
        t.setDaemon(true);
        t.start();
    }

    private void runSafely() {
        int code = 0;
        try {
            run();
        } catch (Exception | AssertionError e) {
            System.err.println("demo tour failed: " + e);
            e.printStackTrace();
            code = 1;
        }
        int exit = code;
        Platform.runLater(() -> {
            workbench.stage().close();
            Platform.exit();
            // The launcher exits with the tour's outcome once the FX toolkit has stopped.
            System.setProperty("crossbench.tourExit", Integer.toString(exit));
        });
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        UiContext ui = workbench.ui();
        waitIdle();
        if (onFx(() -> ui.workspace().comparison()) == null) {
            onFx(() -> ui.actions().comparePairs());
            waitIdle();
        }
        if (trainSearchAndEvaluate(ui)) {
            onFx(() -> ui.actions().comparePairs()); // now with the trained cross-encoder's scatter
            waitIdle();
        }
        onFx(() -> {
            ui.timingSettings().textsProperty().set(96);
            ui.timingSettings().repeatsProperty().set(2);
            ui.timingSettings().batchSizesProperty().set("8, 32");
            return ui.actions().measureTiming();
        });
        waitIdle();
        onFx(() -> {
            PairComparison c = ui.workspace().comparison();
            if (c != null && !c.disagreements().isEmpty()) {
                ui.workspace().selectedPairProperty().set(c.disagreements().get(0).index());
            }
            return null;
        });
        int n = 1;
        for (View v : View.values()) {
            onFx(() -> {
                ui.navigation().show(v);
                return null;
            });
            snapshot(String.format("%02d-%s.png", n++, v.name().toLowerCase(java.util.Locale.ROOT)));
        }
        Path bad = dir.resolve("bad-pairs.csv");
        Files.writeString(bad, "sentence1,sentence2,score\nA cat sits.,A cat is sitting.,4.5\nA dog runs.,\"A dog, running,5\n",
                StandardCharsets.UTF_8);
        onFx(() -> {
            ui.navigation().show(View.DATA);
            return ui.actions().openPairs(bad);
        });
        waitIdle();
        snapshot(String.format("%02d-data-error.png", n));
        onFx(() -> ui.actions().exportReport(dir.resolve("report.html")));
        waitIdle();
        System.out.println("demo tour: screenshots and report in " + dir.toAbsolutePath());
    }

    /**
     * Fills the Training, Search and Retrieval views: a one-epoch cross-encoder from
     * all-MiniLM-L6-v2's body on the loaded pairs' train split (a demo, not a good reranker; its
     * folder goes into the tour's directory, not the user's cache), then a search for the first
     * loaded query reranked by it, and a retrieval evaluation with a rerank-depth sweep. Each part
     * is skipped when its data is not loaded. True when a cross-encoder was trained.
     */
    private boolean trainSearchAndEvaluate(UiContext ui) throws Exception {
        Path trained = dir.resolve("demo-cross-encoder");
        boolean canTrain = onFx(() -> {
            TrainingSettings t = ui.trainingSettings();
            if (isBlank(t.trainFileProperty().get()) || isBlank(t.devFileProperty().get())) {
                return false;
            }
            t.kindProperty().set(dev.crossbench.ui.workspace.ModelKind.CROSS);
            t.baseProperty().set("all-MiniLM-L6-v2");
            t.epochsProperty().set(1);
            t.maxLengthProperty().set(64);
            t.outputProperty().set(trained.toAbsolutePath().toString());
            return true;
        });
        if (canTrain) {
            deleteRecursively(trained);
            onFx(() -> ui.actions().trainModel());
            waitIdle();
        }
        boolean trainedOne = canTrain && Files.isDirectory(trained);
        if (onFx(() -> ui.workspace().corpus() == null || ui.workspace().queries() == null)) {
            return trainedOne;
        }
        onFx(() -> {
            if (trainedOne) {
                ui.actions().retrieval().reranker().choose(trained.toAbsolutePath().toString());
            }
            var bi = ui.workspace().selectedSpecs(dev.crossbench.ui.workspace.ModelKind.BI);
            var q = ui.workspace().queries().queries().get(0);
            var judged = ui.workspace().qrels() == null ? java.util.Map.<String, Integer>of() : ui.workspace().qrels().judgements(q.id());
            return bi.isEmpty() ? null : ui.actions().retrieval().search(new dev.crossbench.ui.workspace.SearchRequest(q.text(), q.id(),
                    judged, 20, ui.workspace().corpus(), bi.get(0), ui.actions().retrieval().reranker().reference()));
        });
        waitIdle();
        onFx(() -> {
            ui.actions().retrieval().settings().kProperty().set(50);
            ui.actions().retrieval().settings().sweepProperty().set("10, 20, 50");
            return ui.workspace().qrels() == null ? null : ui.actions().retrieval().evaluate();
        });
        waitIdle();
        return trainedOne;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    private void waitIdle() throws Exception {
        long deadline = System.currentTimeMillis() + TASK_TIMEOUT_MS;
        Thread.sleep(300);
        while (!onFx(() -> workbench.ui().tasks().isIdle())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("background work did not finish within " + TASK_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(200);
        }
    }

    private void snapshot(String name) throws Exception {
        Thread.sleep(700); // let layout settle and charts draw at their final size
        WritableImage image = onFx(() -> workbench.stage().getScene().snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        try {
            ImageIO.write(png, "png", dir.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("demo tour: " + name);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> f = new FutureTask<>(work);
        Platform.runLater(f);
        return f.get(30, TimeUnit.SECONDS);
    }
}
