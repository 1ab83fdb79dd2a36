package io.athanor.orm.types;

import static io.athanor.orm.query.Sql.avg;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.max;
import static io.athanor.orm.query.Sql.min;
import static io.athanor.orm.query.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.query.ComparableAttribute;
import io.athanor.orm.query.NumberAttribute;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Aggregates come back as the Java type their expression declares, on every database. */
class AggregateTypesTest {

    enum Size {
        SMALL, MEDIUM, LARGE
    }

    @Entity
    @Table(name = "aggtypes_item")
    static class Item {
        @Id
        Long id;
        int quantity;
        long views;
        short rank;
        @Column(precision = 10, scale = 2)
        BigDecimal price;
        double ratio;
        LocalDate day;
        Size size;

        Item() {
        }

        Item(long id, int quantity, long views, short rank, String price, double ratio, LocalDate day, Size size) {
            this.id = id;
            this.quantity = quantity;
            this.views = views;
            this.rank = rank;
            this.price = new BigDecimal(price);
            this.ratio = ratio;
            this.day = day;
            this.size = size;
        }
    }

    private static final NumberAttribute<Item, Integer> QUANTITY = new NumberAttribute<>(Item.class, "quantity", Integer.class);
    private static final NumberAttribute<Item, Long> VIEWS = new NumberAttribute<>(Item.class, "views", Long.class);
    private static final NumberAttribute<Item, Short> RANK = new NumberAttribute<>(Item.class, "rank", Short.class);
    private static final NumberAttribute<Item, BigDecimal> PRICE = new NumberAttribute<>(Item.class, "price", BigDecimal.class);
    private static final NumberAttribute<Item, Double> RATIO = new NumberAttribute<>(Item.class, "ratio", Double.class);
    private static final ComparableAttribute<Item, LocalDate> DAY = new ComparableAttribute<>(Item.class, "day", LocalDate.class);
    private static final ComparableAttribute<Item, Size> SIZE = new ComparableAttribute<>(Item.class, "size", Size.class);

    @DatabaseTest
    void aggregatesMatchTheirDeclaredTypes(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(Item.class).build();
        sessions.schema().dropAll();
        sessions.schema().createAll();
        sessions.inTransaction(s -> {
            s.add(new Item(1, 3, 4_000_000_000L, (short) 2, "1.50", 0.25, LocalDate.of(2024, 1, 2), Size.SMALL));
            s.add(new Item(2, 4, 5_000_000_000L, (short) 7, "2.25", 0.5, LocalDate.of(2024, 5, 6), Size.LARGE));
            return null;
        });
        try (Session s = sessions.open()) {
            Row r = s.select(avg(QUANTITY), avg(PRICE), avg(RATIO), sum(QUANTITY), sum(VIEWS), sum(RANK), sum(PRICE), sum(RATIO),
                    count()).one();
            assertThat(r.get(0)).isInstanceOf(Double.class).isEqualTo(3.5);
            assertThat(r.get(1)).isInstanceOf(Double.class).isEqualTo(1.875);
            assertThat(r.get(2)).isInstanceOf(Double.class).isEqualTo(0.375);
            assertThat(r.get(3)).isInstanceOf(Integer.class).isEqualTo(7);
            assertThat(r.get(4)).isInstanceOf(Long.class).isEqualTo(9_000_000_000L);
            assertThat(r.get(5)).isInstanceOf(Short.class).isEqualTo((short) 9);
            assertThat(r.get(6)).isInstanceOf(BigDecimal.class);
            assertThat((BigDecimal) r.get(6)).isEqualByComparingTo("3.75");
            assertThat(r.get(7)).isInstanceOf(Double.class).isEqualTo(0.75);
            assertThat(r.get(8)).isInstanceOf(Long.class).isEqualTo(2L);

            Row m = s.select(min(QUANTITY), max(VIEWS), max(RANK), min(PRICE), max(DAY), max(SIZE), min(SIZE)).one();
            assertThat(m.get(0)).isInstanceOf(Integer.class).isEqualTo(3);
            assertThat(m.get(1)).isInstanceOf(Long.class).isEqualTo(5_000_000_000L);
            assertThat(m.get(2)).isInstanceOf(Short.class).isEqualTo((short) 7);
            assertThat((BigDecimal) m.get(3)).isEqualByComparingTo("1.50");
            assertThat(m.get(4)).isEqualTo(LocalDate.of(2024, 5, 6));
            assertThat(m.get(5)).isEqualTo(Size.SMALL);
            assertThat(m.get(6)).isEqualTo(Size.LARGE);

            List<Row> grouped = s.select(SIZE, sum(QUANTITY).as("total"), avg(PRICE).as("mean")).groupBy(SIZE).orderBy(SIZE.asc()).list();
            assertThat(grouped).hasSize(2);
            assertThat(grouped.get(0).get("total")).isInstanceOf(Integer.class);
            assertThat(grouped.get(0).get("mean")).isInstanceOf(Double.class);
            assertThat(grouped.get(0).get(0)).isInstanceOf(Size.class);
            assertThat(s.select(sum(QUANTITY)).where(QUANTITY.gt(100)).one().get(0)).isNull();
        }
    }
}
