package io.digitstudio;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The layering, checked on the compiled classes: the engine and the CLI run without JavaFX; packages depend one way
 * ({@code ui}, {@code cli} → {@code runs} → {@code train}, {@code read} → {@code optim}, {@code io} → {@code nn} → {@code data} →
 * {@code serial}); no package
 * cycles, neither between the top-level packages nor between the UI's; features never import the app that wires them.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.digitstudio");
    }

    static final ArchRule CORE_WITHOUT_JAVAFX = noClasses().that().resideOutsideOfPackage("io.digitstudio.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..");

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("ui").definedBy("io.digitstudio.ui..")
            .layer("cli").definedBy("io.digitstudio.cli..")
            .layer("runs").definedBy("io.digitstudio.runs..")
            .layer("inspect").definedBy("io.digitstudio.inspect..")
            .layer("explain").definedBy("io.digitstudio.explain..")
            .layer("read").definedBy("io.digitstudio.read..")
            .layer("mydigits").definedBy("io.digitstudio.mydigits..")
            .layer("train").definedBy("io.digitstudio.train..")
            .layer("optim").definedBy("io.digitstudio.optim..")
            .layer("io").definedBy("io.digitstudio.io..")
            .layer("nn").definedBy("io.digitstudio.nn..")
            .layer("data").definedBy("io.digitstudio.data..")
            .layer("serial").definedBy("io.digitstudio.serial..")
            .whereLayer("ui").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("runs").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("inspect").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("explain").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("read").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("mydigits").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("train").mayOnlyBeAccessedByLayers("runs", "ui", "cli")
            .whereLayer("optim").mayOnlyBeAccessedByLayers("train", "runs", "ui", "cli")
            .whereLayer("io").mayOnlyBeAccessedByLayers("train", "runs", "inspect", "explain", "read", "mydigits", "ui", "cli")
            .whereLayer("nn").mayOnlyBeAccessedByLayers("optim", "io", "train", "runs", "inspect", "explain", "read", "ui", "cli")
            .whereLayer("data").mayOnlyBeAccessedByLayers("nn", "optim", "io", "train", "runs", "inspect", "explain", "read", "mydigits", "ui", "cli")
            .whereLayer("serial").mayOnlyBeAccessedByLayers("data", "nn", "optim", "io", "train", "runs", "inspect", "explain", "read", "mydigits", "ui", "cli");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.digitstudio.(*)..").should().beFreeOfCycles();

    static final ArchRule NO_UI_CYCLES = slices().matching("io.digitstudio.ui.(*)..").should().beFreeOfCycles();

    static final ArchRule FEATURES_DO_NOT_IMPORT_APP = noClasses().that().resideInAPackage("io.digitstudio.ui..")
            .and().resideOutsideOfPackage("io.digitstudio.ui.app..")
            .should().dependOnClassesThat().resideInAPackage("io.digitstudio.ui.app..");

    @Test
    void nothingOutsideUiUsesJavaFx() {
        CORE_WITHOUT_JAVAFX.check(classes);
    }

    @Test
    void packagesDependOneWay() {
        LAYERS.check(classes);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(classes);
        NO_UI_CYCLES.check(classes);
    }

    @Test
    void featuresNeverImportTheApp() {
        FEATURES_DO_NOT_IMPORT_APP.check(classes);
    }

    /**
     * The controls whose rules the window's Primer sheets leave out ({@code PrimerSheets}): a view that makes one would
     * show it without AtlantaFX's looks. Naming one here fails until it is taken off that list.
     */
    static final ArchRule NO_CONTROL_WITHOUT_ITS_RULES = noClasses().should()
            .dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("a control the Primer sheets have no rules for",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> io.digitstudio.ui.widgets.PrimerSheets.UNUSED_CONTROLS.containsKey(c.getName())));

    @Test
    void noViewMakesAControlTheSheetsHaveNoRulesFor() {
        NO_CONTROL_WITHOUT_ITS_RULES.check(classes);
    }

    @Test
    void theRulesCatchViolations() {
        // the rules are live: a class importing JavaFX from outside ui, and a ui feature importing the app, both fail
        JavaClasses bad = new ClassFileImporter().importClasses(Main.class, io.digitstudio.ui.train.TrainView.class, io.digitstudio.ui.app.MainView.class,
                javafx.scene.Node.class);
        assertThrows(AssertionError.class, () -> noClasses().that().haveSimpleName("TrainView").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..").check(bad));
        assertThrows(AssertionError.class, () -> noClasses().that().resideInAPackage("io.digitstudio.ui.app..")
                .should().dependOnClassesThat().resideInAPackage("io.digitstudio.ui.train..").check(bad));
        // a class that makes a date picker fails the rule of the controls without their rules
        assertThrows(AssertionError.class, () -> NO_CONTROL_WITHOUT_ITS_RULES.check(new ClassFileImporter().importClasses(MakesADatePicker.class)));
    }

    /** A class as a view that shows a date picker would be. */
    static final class MakesADatePicker {
        Object picker() {
            return new javafx.scene.control.DatePicker();
        }
    }
}
