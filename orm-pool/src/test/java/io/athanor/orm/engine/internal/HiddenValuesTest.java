package io.athanor.orm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text rules behind hidden parameters and cut messages; the databases' own texts are in orm-test. */
class HiddenValuesTest {

    @Test
    void aValueIsHiddenWholeAndWhereTheDatabaseCutItShort() {
        String secret = "SSN-123-45-6789-and-more-text";
        HiddenValues hidden = HiddenValues.of(List.of(secret, 7, "x1"), List.of());
        assertThat(hidden.clean("Key (ssn)=(" + secret + ") already exists")).isEqualTo("Key (ssn)=(***) already exists");
        assertThat(hidden.clean("Failing row contains (" + secret.substring(0, 20) + "...)"))
                .isEqualTo("Failing row contains (***...)");
        assertThat(hidden.clean("x10 and ax1 and x1.")).as("only whole words").isEqualTo("x10 and ax1 and ***.");
        assertThat(hidden.clean("at row 7")).as("a short number alone stays").isEqualTo("at row 7");
        assertThat(hidden.clean("value \"7\" is out of range")).isEqualTo("value \"***\" is out of range");
    }

    @Test
    void numbersAndTimesAreLookedForAsDatabasesWriteThem() {
        HiddenValues hidden = HiddenValues.of(List.of(new BigDecimal("1.50E+3"), LocalDateTime.of(2020, 1, 2, 3, 4, 5)),
                List.of());
        assertThat(hidden.clean("1500 and 2020-01-02 03:04:05")).isEqualTo("*** and ***");
    }

    @Test
    void quotedValuesAreHiddenEvenWhenTheEngineNeverSawThem() {
        HiddenValues none = HiddenValues.of(List.of(), List.of());
        assertThat(none.clean("invalid input syntax for type integer: \"abc\"")).isEqualTo("invalid input syntax for type integer: \"***\"");
        assertThat(none.clean("Incorrect integer value: 'a''b' for column `id`")).isEqualTo("Incorrect integer value: '***' for column `id`");
        assertThat(none.clean("converting \"'x' (T: \"\"ID\"\" INT)\"; SQL")).isEqualTo("converting \"***\"; SQL");
        assertThat(none.clean("relation \"notes\" does not exist")).isEqualTo("relation \"notes\" does not exist");
        String huge = "converting \"" + "y".repeat(1_000_000) + "\"";
        assertThat(none.clean(huge)).isEqualTo("converting \"***\"");
    }

    @Test
    void otherRowsOfABatchAreHiddenToo() {
        HiddenValues hidden = HiddenValues.of(List.of("row-two-secret"), List.of(List.of("row-one-secret"), List.of("row-two-secret")));
        assertThat(hidden.clean("row-one-secret, row-two-secret")).isEqualTo("***, ***");
    }

    @Test
    void aCopiedExceptionKeepsItsStateCodeTypeAndChainWithCleanMessages() {
        SQLException row = new SQLException("Duplicate entry 'SSN-1' for key 'ssn'", "23000", 1062, new IOException("sent SSN-1"));
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 (SSN-1) was aborted", "23000", 1062, new int[] {-3}, row);
        batch.setNextException(row);
        SQLException copy = HiddenValues.of(List.of("SSN-1"), List.of()).copy(batch);
        assertThat((Throwable) copy).isInstanceOf(BatchUpdateException.class).hasMessage("Batch entry 0 (***) was aborted");
        assertThat(copy.getSQLState()).isEqualTo("23000");
        assertThat(copy.getErrorCode()).isEqualTo(1062);
        assertThat(((BatchUpdateException) copy).getUpdateCounts()).containsExactly(-3);
        assertThat(copy.getStackTrace()).isEqualTo(batch.getStackTrace());
        assertThat((Throwable) copy.getNextException()).hasMessage("Duplicate entry '***' for key 'ssn'");
        assertThat(copy.getCause().getCause()).hasToString("java.io.IOException: sent ***");
    }

    @Test
    void longTextsAndPlaceholderRunsAreCutSayingHowMuch() {
        assertThat(MessageText.cap("a".repeat(10_000), 300)).hasSizeLessThan(400).contains("(9,700 more characters)");
        assertThat(MessageText.cap("short", 300)).isEqualTo("short");
        String ten = "in (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        assertThat(MessageText.shortenPlaceholderRuns(ten)).isEqualTo(ten);
        assertThat(MessageText.shortenPlaceholderRuns("in (" + "?, ".repeat(99_999) + "?) and x = ?"))
                .isEqualTo("in (?, ?, ?, … (99,997 more placeholders)) and x = ?");
    }
}
