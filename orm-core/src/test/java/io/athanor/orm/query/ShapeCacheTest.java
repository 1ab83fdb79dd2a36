package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.and;
import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement cache finds a shape again by its tokens, whatever their number, and tells shapes apart. */
class ShapeCacheTest {
    private static QueryCompiler compiler() {
        return new QueryCompiler(MetadataBuilder.build(List.of(User.class, Order.class, Article.class), PostgresDialect.INSTANCE), 100);
    }

    /** Many conditions: more tokens than the walk first makes room for. */
    private static Select<Order> wide(long from, int conditions) {
        Select<Order> s = select(Order.class).where(Order_.id.ge(from));
        for (int i = 0; i < conditions; i++) {
            s = s.where(Order_.amount.gt(BigDecimal.valueOf(i)));
        }
        return s;
    }

    @Test
    void sameShapeWithOtherValuesIsFoundAgain() {
        QueryCompiler c = compiler();
        QueryCompiler.Bound first = c.compile(select(Order.class).where(Order_.userId.eq(1L)));
        QueryCompiler.Bound second = c.compile(select(Order.class).where(Order_.userId.eq(2L)));

        assertThat(second.compiled()).isSameAs(first.compiled());
        assertThat(first.values()).containsExactly(1L);
        assertThat(second.values()).containsExactly(2L);
        assertThat(c.stats().misses()).isEqualTo(1);
        assertThat(c.stats().hits()).isEqualTo(1);
    }

    @Test
    void aShapeLongerThanTheFirstArrayIsFoundAgainAndToldFromAShorterOne() {
        QueryCompiler c = compiler();
        QueryCompiler.Bound forty = c.compile(wide(1L, 40));
        QueryCompiler.Bound fortyAgain = c.compile(wide(7L, 40));
        QueryCompiler.Bound thirtyNine = c.compile(wide(1L, 39));

        assertThat(fortyAgain.compiled()).isSameAs(forty.compiled());
        assertThat(fortyAgain.values()).hasSize(41).startsWith(7L);
        assertThat(thirtyNine.compiled()).isNotSameAs(forty.compiled());
        assertThat(thirtyNine.compiled().sql()).isNotEqualTo(forty.compiled().sql());
        assertThat(thirtyNine.values()).hasSize(40);
        assertThat(c.stats().misses()).isEqualTo(2);
        assertThat(c.stats().hits()).isEqualTo(1);
    }

    @Test
    void oneConditionIsTheWholeWhereAsGivenAndLaterOnesAreAddedWithAnd() {
        QueryCompiler c = compiler();
        Expression<Boolean> both = and(User_.name.eq("ada"), User_.id.gt(3L));
        String given = c.compile(select(User.class).where(both)).compiled().sql();
        String listed = c.compile(select(User.class).where(User_.name.eq("bob"), User_.id.gt(4L))).compiled().sql();
        String chained = c.compile(select(User.class).where(User_.name.eq("cy")).where(User_.id.gt(5L))).compiled().sql();
        String none = c.compile(select(User.class).where((Expression<Boolean>) null)).compiled().sql();

        assertThat(given).isEqualTo(listed).isEqualTo(chained).endsWith("WHERE (users.name = ? AND users.id > ?)");
        assertThat(none).doesNotContain("WHERE");
    }
}
