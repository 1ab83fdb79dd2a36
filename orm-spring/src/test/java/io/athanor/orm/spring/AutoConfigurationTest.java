package io.athanor.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.spring.other.Stray;
import io.athanor.orm.spring.sample.model.Account;
import io.athanor.orm.test.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration's beans, settings, scanning and back-off, over a PostgreSQL DataSource. */
class AutoConfigurationTest {
    private static final TestDatabase DB = PostgresSchema.create(AutoConfigurationTest.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    AthanorAutoConfiguration.class))
            .withPropertyValues(datasource());

    private static String[] datasource() {
        return new String[] {
                "spring.datasource.url=" + DB.jdbcUrl(),
                "spring.datasource.username=" + (DB.server().user() == null ? "" : DB.server().user()),
                "spring.datasource.password=" + (DB.server().password() == null ? "" : DB.server().password()),
                "spring.datasource.hikari.maximum-pool-size=2"};
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    private static String ddl(SessionFactory factory) {
        return String.join("\n", factory.schema().createStatements());
    }

    @Test
    void mapsTheEntitiesOfTheConfiguredPackagesOnly() {
        runner.withPropertyValues("athanor.packages=io.athanor.orm.spring.sample.model").run(context -> {
            assertThat(context).hasSingleBean(Engine.class).hasSingleBean(SessionFactory.class)
                    .hasSingleBean(TransactionalSessions.class).hasSingleBean(AthanorExceptionTranslator.class);
            assertThat(context.getBean(Session.class)).isSameAs(context.getBean(TransactionalSessions.class).proxy());
            SessionFactory factory = context.getBean(SessionFactory.class);
            assertThat(ddl(factory)).contains("accounts").doesNotContain("strays");
            assertThat(factory.engine().config().dataSource()).isSameAs(context.getBean(DataSource.class));
        });
    }

    @Test
    void scansSeveralPackages() {
        runner.withPropertyValues("athanor.packages=io.athanor.orm.spring.sample.model,io.athanor.orm.spring.other")
                .run(context -> assertThat(ddl(context.getBean(SessionFactory.class))).contains("accounts").contains("strays"));
    }

    @Test
    void takesThePackagesOfEntityScanWhenNoneAreConfigured() {
        runner.withUserConfiguration(ScanOther.class)
                .run(context -> assertThat(ddl(context.getBean(SessionFactory.class))).contains("strays").doesNotContain("accounts"));
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Stray.class)
    static class ScanOther {
    }

    @Test
    void bindsTheAthanorSettings() {
        runner.withPropertyValues("athanor.packages=io.athanor.orm.spring.sample.model", "athanor.autoflush=true",
                "athanor.expire-on-commit=true", "athanor.query-cache-size=7", "athanor.n-plus-one=fail",
                "athanor.echo=true", "athanor.hide-parameters=true").run(context -> {
            AthanorProperties p = context.getBean(AthanorProperties.class);
            assertThat(p.getPackages()).containsExactly("io.athanor.orm.spring.sample.model");
            assertThat(p.isAutoflush()).isTrue();
            assertThat(p.isExpireOnCommit()).isTrue();
            assertThat(p.getNPlusOne()).isEqualTo(NPlusOne.FAIL);
            SessionFactory factory = context.getBean(SessionFactory.class);
            assertThat(factory.queryCacheStats().capacity()).isEqualTo(7);
            assertThat(factory.engine().config().echo()).isTrue();
            assertThat(factory.engine().config().hideParameters()).isTrue();
        });
    }

    @Test
    void withoutAnyPackageToScanTheStartFailsSayingWhatToSet() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("athanor.packages").hasMessageContaining("@EntityScan"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBeans() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasSingleBean(SessionFactory.class).hasSingleBean(Engine.class)
                    .hasSingleBean(AthanorExceptionTranslator.class);
            assertThat(context.getBean(SessionFactory.class)).isSameAs(context.getBean(OwnBeans.class).factory);
            assertThat(context.getBean(TransactionalSessions.class).sessionFactory()).isSameAs(context.getBean(OwnBeans.class).factory);
            assertThat(context.getBean(AthanorExceptionTranslator.class)).isInstanceOf(OwnTranslator.class);
            assertThat(ddl(context.getBean(SessionFactory.class))).contains("strays").doesNotContain("accounts");
        });
    }

    static class OwnTranslator extends AthanorExceptionTranslator {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        SessionFactory factory;

        @Bean(destroyMethod = "close")
        Engine ownEngine(DataSource dataSource) {
            return Engine.of(dataSource);
        }

        @Bean
        SessionFactory ownFactory(Engine engine) {
            factory = SessionFactory.builder(engine).entities(List.of(Stray.class)).build();
            return factory;
        }

        @Bean
        AthanorExceptionTranslator ownTranslator() {
            return new OwnTranslator();
        }
    }

    @Test
    void staysAwayWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AthanorAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SessionFactory.class)
                        .doesNotHaveBean(Engine.class));
    }

    @Test
    void theAccountEntityIsMappedFromTheDefaultPackageOfTheSampleApplication() {
        // SampleApplication's package is the auto-configuration package of the @SpringBootTest suite; here it is
        // given by property, as a check that the model is a valid mapping on its own.
        runner.withPropertyValues("athanor.packages=" + Account.class.getPackageName())
                .run(context -> assertThat(context).hasNotFailed());
    }
}
