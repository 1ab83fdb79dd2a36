package io.athanor.orm.spring;

import io.athanor.orm.DetachedInstanceException;
import io.athanor.orm.EntityNotFoundException;
import io.athanor.orm.MappingException;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.UnloadedRelationshipException;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.CommitOutcomeUnknownException;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.error.ConnectionFailedException;
import io.athanor.orm.error.ConstraintViolationException;
import io.athanor.orm.error.InvalidValueException;
import io.athanor.orm.error.PoolTimeoutException;
import io.athanor.orm.error.ResultCountException;
import io.athanor.orm.error.TransactionConflictException;
import io.athanor.orm.error.UniqueViolationException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates Athanor's exceptions into Spring's {@link DataAccessException} hierarchy, for
 * {@code @Repository} beans (through Spring's {@code PersistenceExceptionTranslationPostProcessor}, which Spring
 * Boot registers) and for code that calls it itself:
 *
 * <table>
 *   <caption>What each exception becomes</caption>
 *   <tr><th>Athanor</th><th>Spring</th></tr>
 *   <tr><td>{@link UniqueViolationException}</td><td>{@link DuplicateKeyException}</td></tr>
 *   <tr><td>other {@link ConstraintViolationException}s (foreign key, not null, check)</td><td>{@link DataIntegrityViolationException}</td></tr>
 *   <tr><td>{@link TransactionConflictException}: a deadlock ({@code 40P01}, MariaDB 1213)</td><td>{@link PessimisticLockingFailureException}</td></tr>
 *   <tr><td>{@link TransactionConflictException}: a lock not obtained ({@code 55P03})</td><td>{@link CannotAcquireLockException}</td></tr>
 *   <tr><td>{@link TransactionConflictException}: a serialization failure ({@code 40001})</td><td>{@link ConcurrencyFailureException}</td></tr>
 *   <tr><td>{@link StaleObjectException}</td><td>{@link OptimisticLockingFailureException}</td></tr>
 *   <tr><td>{@link CommitOutcomeUnknownException}</td><td>{@link RecoverableDataAccessException}: check whether the work was committed before running it again</td></tr>
 *   <tr><td>{@link ConnectionFailedException}, {@link PoolTimeoutException}</td><td>{@link DataAccessResourceFailureException}</td></tr>
 *   <tr><td>{@link ResultCountException}</td><td>{@link IncorrectResultSizeDataAccessException} (expected 1)</td></tr>
 *   <tr><td>{@link EntityNotFoundException}</td><td>{@link DataRetrievalFailureException}</td></tr>
 *   <tr><td>{@link InvalidValueException}, {@link MappingException}, {@link ConfigurationException},
 *       {@link DetachedInstanceException}, {@link UnloadedRelationshipException}</td><td>{@link InvalidDataAccessApiUsageException}</td></tr>
 *   <tr><td>any other {@link AthanorException}</td><td>{@link AthanorSystemException}</td></tr>
 * </table>
 *
 * Each Spring exception keeps the Athanor one as its cause, with its SQL, parameters and SQLState. Exceptions
 * that are not Athanor's are left alone ({@code null}), for other translators. Stateless and thread-safe.
 */
public class AthanorExceptionTranslator implements PersistenceExceptionTranslator {

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (!(ex instanceof AthanorException)) {
            return null;
        }
        String message = ex.getMessage();
        if (ex instanceof UniqueViolationException) {
            return new DuplicateKeyException(message, ex);
        }
        if (ex instanceof ConstraintViolationException) {
            return new DataIntegrityViolationException(message, ex);
        }
        if (ex instanceof TransactionConflictException conflict) {
            String state = conflict.sqlState();
            if ("40P01".equals(state) || conflict.vendorCode() == 1213) {
                return new PessimisticLockingFailureException(message, ex);
            }
            if ("55P03".equals(state) || conflict.vendorCode() == 1205) {
                return new CannotAcquireLockException(message, ex);
            }
            return new ConcurrencyFailureException(message, ex);
        }
        if (ex instanceof StaleObjectException) {
            return new OptimisticLockingFailureException(message, ex);
        }
        if (ex instanceof CommitOutcomeUnknownException) {
            return new RecoverableDataAccessException(message, ex);
        }
        if (ex instanceof ConnectionFailedException || ex instanceof PoolTimeoutException) {
            return new DataAccessResourceFailureException(message, ex);
        }
        if (ex instanceof ResultCountException count) {
            return new IncorrectResultSizeDataAccessException(message, 1, count.actual(), ex);
        }
        if (ex instanceof EntityNotFoundException) {
            return new DataRetrievalFailureException(message, ex);
        }
        if (ex instanceof InvalidValueException || ex instanceof MappingException || ex instanceof ConfigurationException
                || ex instanceof DetachedInstanceException || ex instanceof UnloadedRelationshipException) {
            return new InvalidDataAccessApiUsageException(message, ex);
        }
        return new AthanorSystemException((AthanorException) ex);
    }
}
