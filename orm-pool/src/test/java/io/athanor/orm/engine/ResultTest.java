package io.athanor.orm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.ResultCountException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultTest {

    private static Result result(Object[]... rows) {
        return Result.ofRows(List.of("ID", "name"), Arrays.asList(rows));
    }

    @Test
    void rowsByIndexAndCaseInsensitiveLabel() {
        Row row = result(new Object[] {1L, "ada"}).one();
        assertThat(row.get(0)).isEqualTo(1L);
        assertThat(row.get("id")).isEqualTo(1L);
        assertThat(row.get("NAME", String.class)).isEqualTo("ada");
        assertThat(row.asMap()).containsEntry("ID", 1L);
        assertThatThrownBy(() -> row.get("nope")).isInstanceOf(AthanorException.class)
                .hasMessageContaining("no column 'nope'").hasMessageContaining("[ID, name]");
    }

    @Test
    void numericConversionsCheckRange() {
        Row row = Result.ofRows(List.of("n", "d", "u"), List.<Object[]>of(new Object[] {42, new BigDecimal("2.50"),
                "6f1c1c1e-1111-4a4a-8b8b-123456789abc"})).one();
        assertThat(row.get("n", Long.class)).isEqualTo(42L);
        assertThat(row.get("n", long.class)).isEqualTo(42L);
        assertThat(row.get("d", Double.class)).isEqualTo(2.5);
        assertThat(row.get("u", UUID.class)).isEqualTo(UUID.fromString("6f1c1c1e-1111-4a4a-8b8b-123456789abc"));
        Row big = Result.ofRows(List.of("n"), List.<Object[]>of(new Object[] {Long.MAX_VALUE})).one();
        assertThatThrownBy(() -> big.get("n", Integer.class)).hasMessageContaining("cannot be read as java.lang.Integer");
    }

    @Test
    void oneRequiresExactlyOneRow() {
        assertThatThrownBy(() -> result().one()).isInstanceOf(ResultCountException.class)
                .hasMessageContaining("returned 0").hasMessageContaining("oneOrNull()");
        assertThatThrownBy(() -> result(new Object[] {1, "a"}, new Object[] {2, "b"}).oneOrNull())
                .isInstanceOf(ResultCountException.class).hasMessageContaining("returned 2");
        assertThat(result().oneOrNull()).isNull();
        assertThat(result().first()).isNull();
        assertThat(result(new Object[] {7, "x"}).scalar(Integer.class)).isEqualTo(7);
        assertThat(result(new Object[] {1, "a"}, new Object[] {2, "b"}).column("name", String.class)).containsExactly("a", "b");
    }
}
