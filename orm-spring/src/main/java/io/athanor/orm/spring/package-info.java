/**
 * Spring Boot integration: {@link io.athanor.orm.spring.AthanorAutoConfiguration} (an Engine over the
 * application's DataSource, a SessionFactory of scanned entities, {@code athanor.*} settings),
 * {@link io.athanor.orm.spring.TransactionalSessions} (sessions bound to {@code @Transactional} transactions)
 * and {@link io.athanor.orm.spring.AthanorExceptionTranslator} (Spring's DataAccessException hierarchy).
 */
package io.athanor.orm.spring;
