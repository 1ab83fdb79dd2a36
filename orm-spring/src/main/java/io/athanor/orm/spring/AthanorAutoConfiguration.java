package io.athanor.orm.spring;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Spring Boot's auto-configuration for Athanor, over the application's {@link DataSource} bean:
 *
 * <ul>
 *   <li>an {@link Engine} over the DataSource ({@code athanor.echo}, {@code athanor.hide-parameters}); the
 *       DataSource's pool stays the application's;</li>
 *   <li>a {@link SessionFactory} of the {@code @Entity} classes found in {@code athanor.packages}, else in the
 *       packages of {@code @EntityScan}, else in the application's package (the one of its
 *       {@code @SpringBootApplication}), with {@code athanor.autoflush}, {@code athanor.expire-on-commit},
 *       {@code athanor.query-cache-size} and {@code athanor.n-plus-one};</li>
 *   <li>{@link TransactionalSessions} and a {@link Session} bean bound to the Spring transaction of the calling
 *       thread (see {@link TransactionalSessions#proxy()});</li>
 *   <li>an {@link AthanorExceptionTranslator}, which Spring's {@code PersistenceExceptionTranslationPostProcessor}
 *       (registered by Spring Boot) applies to {@code @Repository} beans.</li>
 * </ul>
 *
 * Each bean backs off when the application defines its own of that type. Transactions are the application's
 * transaction manager's: Spring Boot's {@code DataSourceTransactionManager} by default.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnClass({SessionFactory.class, DataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(AthanorProperties.class)
public class AthanorAutoConfiguration {

    /** The engine over the application's DataSource; closing it leaves the DataSource open. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Engine athanorEngine(DataSource dataSource, AthanorProperties properties) {
        return Engine.builder(dataSource)
                .echo(properties.isEcho())
                .hideParameters(properties.isHideParameters())
                .build();
    }

    /** The session factory of the scanned entities. */
    @Bean
    @ConditionalOnMissingBean
    public SessionFactory athanorSessionFactory(Engine engine, AthanorProperties properties, BeanFactory beanFactory,
                                                ResourceLoader resourceLoader, Environment environment) {
        List<Class<?>> entities = new EntityScanner(resourceLoader, environment).scan(packagesToScan(properties, beanFactory));
        return SessionFactory.builder(engine)
                .entities(entities)
                .autoflush(properties.isAutoflush())
                .expireOnCommit(properties.isExpireOnCommit())
                .queryCacheSize(properties.getQueryCacheSize())
                .nPlusOne(properties.getNPlusOne())
                .build();
    }

    /** The packages to scan: athanor.packages, else @EntityScan's, else the application's. */
    static List<String> packagesToScan(AthanorProperties properties, BeanFactory beanFactory) {
        if (!properties.getPackages().isEmpty()) {
            return properties.getPackages();
        }
        List<String> scanned = EntityScanPackages.get(beanFactory).getPackageNames();
        if (!scanned.isEmpty()) {
            return scanned;
        }
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }

    /** Sessions bound to Spring transactions over the DataSource. */
    @Bean
    @ConditionalOnMissingBean
    public TransactionalSessions athanorTransactionalSessions(SessionFactory sessionFactory, DataSource dataSource) {
        return new TransactionalSessions(sessionFactory, dataSource);
    }

    /** The injectable session: the current Spring transaction's. */
    @Bean
    @Primary
    @ConditionalOnMissingBean(Session.class)
    public Session athanorSession(TransactionalSessions sessions) {
        return sessions.proxy();
    }

    /** Athanor's exceptions as Spring's DataAccessExceptions. */
    @Bean
    @ConditionalOnMissingBean
    public AthanorExceptionTranslator athanorExceptionTranslator() {
        return new AthanorExceptionTranslator();
    }
}
