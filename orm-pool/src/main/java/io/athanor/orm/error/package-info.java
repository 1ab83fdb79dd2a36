/**
 * The exceptions Athanor throws, all unchecked under {@link io.athanor.orm.error.AthanorException}.
 * Database errors keep the SQL, its parameters and the driver's {@code SQLState}; constraint
 * violations and transaction conflicts have their own types so callers can catch exactly what they
 * handle.
 */
package io.athanor.orm.error;
