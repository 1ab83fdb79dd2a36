package io.athanor.orm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a statement is expected to read next, from what its last executions read. */
class ExpectedRowsTest {

    @Test
    void nothingIsExpectedBeforeTheFirstExecutionThenItsCount() {
        ExpectedRows rows = new ExpectedRows();
        assertThat(rows.guess()).isEqualTo(-1);
        rows.seen(1_000);
        assertThat(rows.guess()).isEqualTo(1_000);
    }

    @Test
    void theFewerOfTheLastTwoCountsIsExpected() {
        ExpectedRows rows = new ExpectedRows();
        rows.seen(1_000);
        rows.seen(3);
        assertThat(rows.guess()).as("one small read after a large one").isEqualTo(3);
        rows.seen(1_000);
        assertThat(rows.guess()).as("one large read after a small one").isEqualTo(3);
        rows.seen(1_000);
        assertThat(rows.guess()).isEqualTo(1_000);
        rows.seen(0);
        assertThat(rows.guess()).isZero();
    }

    @Test
    void countsAreKeptBetweenZeroAndTheMaximum() {
        ExpectedRows rows = new ExpectedRows();
        rows.seen(5_000_000);
        rows.seen(ExpectedRows.MAX + 1);
        assertThat(rows.guess()).isEqualTo(ExpectedRows.MAX);
        rows.seen(-4);
        assertThat(rows.guess()).isZero();
    }
}
