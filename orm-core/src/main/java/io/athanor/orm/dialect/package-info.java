/**
 * Dialects: what differs between PostgreSQL, H2 and MariaDB (type names, quoting, capabilities),
 * detected once from the engine's database.
 */
package io.athanor.orm.dialect;
