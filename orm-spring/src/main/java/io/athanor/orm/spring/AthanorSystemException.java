package io.athanor.orm.spring;

import io.athanor.orm.error.AthanorException;
import org.springframework.dao.UncategorizedDataAccessException;

/**
 * An Athanor exception that no more specific {@link org.springframework.dao.DataAccessException} describes; its
 * cause is the Athanor exception, with the SQL, parameters and SQLState where it has them.
 */
public class AthanorSystemException extends UncategorizedDataAccessException {
    private static final long serialVersionUID = 1L;

    /** Wraps {@code cause}, keeping its message. */
    public AthanorSystemException(AthanorException cause) {
        super(cause.getMessage(), cause);
    }
}
