package io.athanor.orm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md, "Modules and layering", for orm-core. */
class ArchitectureTest {
    private static final String[] PUBLIC = {"io.athanor.orm", "io.athanor.orm.query", "io.athanor.orm.dialect",
            "io.athanor.orm.enhance", "io.athanor.orm.schema", "io.athanor.orm.types"};
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.athanor.orm");

    @Test
    void theQueryLanguageNeverReachesIntoSessionsOrInternals() {
        noClasses().that().resideInAPackage("io.athanor.orm.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.athanor.orm.internal.session..", "io.athanor.orm.internal.meta..")
                .check(CLASSES);
    }

    @Test
    void theSqlCompilerNeverImportsTheSession() {
        noClasses().that().resideInAPackage("io.athanor.orm.internal.sql..")
                .should().dependOnClassesThat().resideInAPackage("io.athanor.orm.internal.session..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    private static final String STATE = "io.athanor.orm.internal.state..";
    private static final String LOAD = "io.athanor.orm.internal.load..";
    private static final String PERSISTENCE = "io.athanor.orm.internal.persistence..";
    private static final String UNIT_OF_WORK = "io.athanor.orm.internal.unitofwork..";
    private static final String SESSION = "io.athanor.orm.internal.session..";
    private static final String ROUTE = "io.athanor.orm.internal.route..";

    @Test
    void instanceStateKnowsNoneOfTheSessionsParts() {
        noClasses().that().resideInAPackage(STATE)
                .should().dependOnClassesThat().resideInAnyPackage(LOAD, PERSISTENCE, UNIT_OF_WORK, SESSION)
                .check(CLASSES);
    }

    @Test
    void persistenceOnlyWritesRows() {
        noClasses().that().resideInAPackage(PERSISTENCE)
                .should().dependOnClassesThat().resideInAnyPackage(LOAD, UNIT_OF_WORK, SESSION)
                .check(CLASSES);
    }

    @Test
    void loadingReachesTheSessionOnlyThroughItsContext() {
        noClasses().that().resideInAPackage(LOAD)
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, UNIT_OF_WORK, SESSION)
                .check(CLASSES);
    }

    @Test
    void theUnitOfWorkNeverUsesTheSessionFacade() {
        noClasses().that().resideInAPackage(UNIT_OF_WORK)
                .should().dependOnClassesThat().resideInAPackage(SESSION)
                .check(CLASSES);
    }

    @Test
    void routingChoosesConnectionsAndKnowsNothingOfInstancesOrSql() {
        noClasses().that().resideInAPackage(ROUTE)
                .should().dependOnClassesThat().resideInAnyPackage(STATE, LOAD, PERSISTENCE, UNIT_OF_WORK, SESSION,
                        "io.athanor.orm.internal.sql..", "io.athanor.orm.query..")
                .check(CLASSES);
    }

    @Test
    void onlyTheFactoryAndAsyncSessionsUseTheSessionFacade() {
        noClasses().that().resideOutsideOfPackages(SESSION, "io.athanor.orm.internal", "io.athanor.orm.internal.async..")
                .should().dependOnClassesThat().resideInAPackage(SESSION)
                .check(CLASSES);
    }

    @Test
    void thePoolKnowsNothingOfTheOrm() {
        noClasses().that().resideInAnyPackage("io.athanor.orm.engine..", "io.athanor.orm.error..")
                .should().dependOnClassesThat().resideInAnyPackage(PUBLIC)
                .check(CLASSES);
    }

    @Test
    void publicApiNeverExposesInternalOrThirdPartyTypes() {
        methods().that().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage(PUBLIC)
                .and().areDeclaredInClassesThat().arePublic()
                .should(new ArchCondition<JavaMethod>("expose only public Athanor and JDK types") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        for (JavaClass type : method.getRawParameterTypes()) {
                            if (hidden.test(type)) {
                                events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes " + type.getName()));
                            }
                        }
                        if (hidden.test(method.getRawReturnType())) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns "
                                    + method.getRawReturnType().getName()));
                        }
                    }
                })
                .check(CLASSES);
    }

    private static final DescribedPredicate<JavaClass> hidden = new DescribedPredicate<>("internal or third-party") {
        @Override
        public boolean test(JavaClass c) {
            String n = c.getName();
            return n.contains(".internal.") || n.startsWith("com.zaxxer.") || n.startsWith("net.bytebuddy.");
        }
    };

    @Test
    void noPublicPackageUsesHikariOrByteBuddy() {
        noClasses().that().resideInAnyPackage(PUBLIC)
                .should().dependOnClassesThat().resideInAnyPackage("com.zaxxer..", "net.bytebuddy..")
                .check(CLASSES);
    }

    @Test
    void libraryCodeNeverPrints() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
    }
}
