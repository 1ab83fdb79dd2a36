/**
 * The ORM: session factories, sessions (unit of work and identity map), transactions, and the
 * exceptions of the session layer. It sits on the Engine of {@code io.athanor.orm.engine}.
 */
package io.athanor.orm;
