package io.athanor.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.StaleObjectException;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.CommitOutcomeUnknownException;
import io.athanor.orm.error.ForeignKeyViolationException;
import io.athanor.orm.error.NotNullViolationException;
import io.athanor.orm.error.ResultCountException;
import io.athanor.orm.error.TransactionConflictException;
import io.athanor.orm.error.UniqueViolationException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;

/** Which DataAccessException each Athanor exception becomes; the database-backed path is in TransactionalSessionTest. */
class ExceptionTranslationTest {
    private final AthanorExceptionTranslator translator = new AthanorExceptionTranslator();

    private static SQLException sql(String state, int code) {
        return new SQLException("from the driver", state, code);
    }

    @Test
    void constraintViolationsBecomeDataIntegrityViolations() {
        assertThat(translator.translateExceptionIfPossible(
                new UniqueViolationException("dup", "insert", List.of(), sql("23505", 0))))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("dup");
        assertThat(translator.translateExceptionIfPossible(
                new ForeignKeyViolationException("fk", "insert", List.of(), sql("23503", 0))))
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
        assertThat(translator.translateExceptionIfPossible(
                new NotNullViolationException("nn", "insert", List.of(), sql("23502", 0))))
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void conflictsBecomeLockingOrConcurrencyFailures() {
        assertThat(translator.translateExceptionIfPossible(
                new TransactionConflictException("deadlock", "update", List.of(), sql("40P01", 0))))
                .isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(translator.translateExceptionIfPossible(
                new TransactionConflictException("deadlock", "update", List.of(), sql("40001", 1213))))
                .isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(translator.translateExceptionIfPossible(
                new TransactionConflictException("nowait", "select", List.of(), sql("55P03", 0))))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(translator.translateExceptionIfPossible(
                new TransactionConflictException("serialization", "update", List.of(), sql("40001", 0))))
                .isExactlyInstanceOf(ConcurrencyFailureException.class);
        assertThat(translator.translateExceptionIfPossible(new StaleObjectException("stale")))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void anUnknownCommitOutcomeIsRecoverableAndOthersAreGeneric() {
        assertThat(translator.translateExceptionIfPossible(
                new CommitOutcomeUnknownException("lost", sql("08006", 0))))
                .isInstanceOf(RecoverableDataAccessException.class);
        assertThat(translator.translateExceptionIfPossible(new ResultCountException("two rows", 2)))
                .isInstanceOfSatisfying(IncorrectResultSizeDataAccessException.class, e -> {
                    assertThat(e.getExpectedSize()).isEqualTo(1);
                    assertThat(e.getActualSize()).isEqualTo(2);
                });
        AthanorException other = new AthanorException("something else");
        assertThat(translator.translateExceptionIfPossible(other))
                .isInstanceOf(AthanorSystemException.class).hasCause(other);
        assertThat(translator.translateExceptionIfPossible(new IllegalStateException("not ours"))).isNull();
    }
}
