package io.athanor.orm.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** orm-spring builds on Athanor's public API only, as any application could. */
class SpringArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.athanor.orm.spring");

    @Test
    void theSpringIntegrationUsesNoInternals() {
        noClasses().that().resideInAPackage("io.athanor.orm.spring..")
                .should().dependOnClassesThat().resideInAnyPackage("io.athanor.orm.internal..", "io.athanor.orm.engine.internal..")
                .check(CLASSES);
    }
}
