package io.athanor.orm.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules of the engine layer and the test support (DESIGN.md, "Modules and layering"). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.athanor.orm.engine", "io.athanor.orm.error", "io.athanor.orm.test");

    @Test
    void thePublicEnginePackageNeverTouchesHikariCp() {
        noClasses().that().resideInAnyPackage("io.athanor.orm.engine", "io.athanor.orm.error", "io.athanor.orm.test")
                .should().dependOnClassesThat().resideInAPackage("com.zaxxer..")
                .check(CLASSES);
    }

    @Test
    void errorsDependOnNothingElseOfAthanor() {
        noClasses().that().resideInAPackage("io.athanor.orm.error")
                .should().dependOnClassesThat().resideInAnyPackage("io.athanor.orm.engine..", "io.athanor.orm.test..")
                .check(CLASSES);
    }

    @Test
    void theEngineKnowsNothingOfTestSupport() {
        noClasses().that().resideInAPackage("io.athanor.orm.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.athanor.orm.test..")
                .check(CLASSES);
    }

    @Test
    void testSupportUsesOnlyThePublicEngineApi() {
        noClasses().that().resideInAPackage("io.athanor.orm.test..")
                .should().dependOnClassesThat().resideInAPackage("io.athanor.orm.engine.internal..")
                .check(CLASSES);
    }

    @Test
    void libraryCodeLogsThroughSlf4jOnly() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(CLASSES);
    }
}
