package dev.crossbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point downward: ui/cli -> app -> data/model/index/search/eval/train/dedup; JavaFX only in ui. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.crossbench");

    private static final String[] LOWER = {"dev.crossbench.data..", "dev.crossbench.model..", "dev.crossbench.index..",
        "dev.crossbench.search..", "dev.crossbench.eval..", "dev.crossbench.train..", "dev.crossbench.dedup.."};

    @Test
    void javafxOnlyInUi() {
        noClasses().that().resideOutsideOfPackage("dev.crossbench.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..")
                .check(MAIN);
    }

    @Test
    void lowerLayersDoNotUseServicesOrFrontEnds() {
        noClasses().that().resideInAnyPackage(LOWER)
                .should().dependOnClassesThat().resideInAnyPackage("dev.crossbench.app..", "dev.crossbench.cli..", "dev.crossbench.ui..")
                .check(MAIN);
    }

    @Test
    void servicesDoNotUseFrontEnds() {
        noClasses().that().resideInAPackage("dev.crossbench.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crossbench.cli..", "dev.crossbench.ui..")
                .check(MAIN);
    }

    @Test
    void onlyFrontEndsPrintToTheConsole() {
        noClasses().that().resideOutsideOfPackages("dev.crossbench.cli..", "dev.crossbench.ui..")
                .and().doNotHaveSimpleName("Launcher")
                .should().accessField(System.class, "out")
                .check(MAIN);
    }
}
