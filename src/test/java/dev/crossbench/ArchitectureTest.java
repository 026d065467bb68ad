package dev.crossbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, checked: every package is in exactly one layer, a layer may use only the layers
 * listed after it, no package cycles, views do not use each other, JavaFX only in ui.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.crossbench";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The workbench's views: each uses the layers below it, never another view. */
    private static final List<String> VIEWS = List.of("data", "decide", "dedup", "history", "models", "pairs", "retrieval",
            "search", "shell", "start", "timing", "training");

    /** Top to bottom. A name ending in ".." covers its subpackages; any other is that one package. */
    private static final Map<String, List<String>> LAYERS = layers();

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> l = new LinkedHashMap<>();
        l.put("launcher", List.of(""));
        l.put("ui app", List.of("ui"));
        l.put("ui views", VIEWS.stream().map(v -> "ui." + v).toList());
        l.put("ui actions", List.of("ui.actions"));
        l.put("ui export", List.of("ui.export"));
        l.put("cli", List.of("cli"));
        l.put("ui charts", List.of("ui.charts"));
        l.put("ui tasks", List.of("ui.task"));
        l.put("report", List.of("report"));
        l.put("ui settings", List.of("ui.settings"));
        l.put("ui workspace", List.of("ui.workspace"));
        l.put("decide service", List.of("app.decide"));
        l.put("benchmarks", List.of("app.bench"));
        l.put("services", List.of("app"));
        l.put("model loading", List.of("model.load"));
        l.put("training", List.of("train"));
        l.put("training evaluators", List.of("train.eval"));
        l.put("training losses", List.of("train.loss"));
        l.put("search", List.of("search"));
        l.put("dedup", List.of("dedup"));
        l.put("model export", List.of("model.export"));
        l.put("bench", List.of("bench"));
        l.put("index", List.of("index"));
        l.put("model catalog", List.of("model.catalog"));
        l.put("cross-encoders", List.of("model.cross"));
        l.put("bi-encoders", List.of("model.encode"));
        l.put("engines", List.of("model.engine"));
        l.put("hub", List.of("model.hub"));
        l.put("bundled models", List.of("model.bundled"));
        l.put("bert", List.of("model.bert"));
        l.put("onnx files", List.of("model.onnx"));
        l.put("tokenizers", List.of("model.text"));
        l.put("weights", List.of("model.weights"));
        l.put("ui common", List.of("ui.common"));
        l.put("eval", List.of("eval"));
        l.put("model", List.of("model"));
        l.put("device", List.of("model.device"));
        l.put("data", List.of("data"));
        l.put("core", List.of("core"));
        return l;
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> n.isEmpty() ? ROOT : ROOT + "." + n).toArray(String[]::new);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        LayeredArchitecture rule = com.tngtech.archunit.library.Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture();
        List<String> names = new ArrayList<>(LAYERS.keySet());
        for (String name : names) {
            rule = rule.layer(name).definedBy(packages(LAYERS.get(name)));
        }
        for (int i = 0; i < names.size() - 1; i++) {
            String[] below = names.subList(i + 1, names.size()).toArray(String[]::new);
            rule = rule.whereLayer(names.get(i)).mayOnlyAccessLayers(below);
        }
        rule = rule.whereLayer(names.get(names.size() - 1)).mayNotAccessAnyLayer();
        rule.check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void viewsDoNotUseEachOther() {
        for (String view : VIEWS) {
            String[] others = VIEWS.stream().filter(v -> !v.equals(view)).map(v -> ROOT + ".ui." + v).toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + ".ui." + view)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(MAIN);
        }
    }

    @Test
    void javafxOnlyInUi() {
        noClasses().that().resideOutsideOfPackage("dev.crossbench.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..")
                .check(MAIN);
    }

    @Test
    void onlyFrontEndsPrintToTheConsole() {
        noClasses().that().resideOutsideOfPackages("dev.crossbench.cli..", "dev.crossbench.ui..")
                .and().doNotHaveSimpleName("Launcher")
                .should().accessField(System.class, "out")
                .check(MAIN);
    }

    @Test
    void everyMainPackageIsInALayer() {
        List<String> known = LAYERS.values().stream().flatMap(List::stream).map(n -> n.isEmpty() ? ROOT : ROOT + "." + n).toList();
        List<String> missing = MAIN.stream().map(c -> c.getPackageName()).distinct().filter(p -> !known.contains(p)).sorted().toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), missing, "packages outside every layer: " + Arrays.toString(missing.toArray()));
    }
}
