/**
 * The Engine: a pool of connections to one database (HikariCP by default, or any
 * {@link javax.sql.DataSource}), raw SQL with named parameters ({@link io.athanor.orm.engine.Text}),
 * transactions and savepoints on a {@link io.athanor.orm.engine.Connection}, and execution events
 * with echo and a slow-query log. It knows nothing of entities, sessions or dialects.
 */
package io.athanor.orm.engine;
