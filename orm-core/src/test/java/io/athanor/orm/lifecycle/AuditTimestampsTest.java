package io.athanor.orm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.MappingException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.CreatedAt;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.UpdatedAt;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.model.lifecycle.Invoice;
import io.athanor.orm.model.lifecycle.Receipt;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @CreatedAt} and {@code @UpdatedAt} take the factory's clock: both at add, only the second at a flush
 * that finds the instance changed, written by the same INSERT or UPDATE; the creation time is never updated.
 */
class AuditTimestampsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456789Z");

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        private volatile Instant now = T0;

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @DatabaseTest
    void timestampsComeFromTheFactorysClock(Engine engine) {
        HandClock clock = new HandClock();
        // tag::clock[]
        SessionFactory f = SessionFactory.builder(engine).entities(Invoice.class, Receipt.class).clock(clock).build();
        // end::clock[]
        f.schema().dropAll();
        f.schema().createAll();
        Instant t0 = Instant.parse("2026-03-01T09:00:00.123456Z"); // cut to microseconds
        Invoice invoice = new Invoice(new BigDecimal("5.00"));
        Receipt receipt = new Receipt(7, "paid");
        try (Session s = f.open()) {
            s.add(invoice);
            s.add(receipt);
            assertThat(invoice.createdAt).isEqualTo(t0);
            assertThat(invoice.updatedAt).isEqualTo(LocalDateTime.ofInstant(t0, ZoneOffset.UTC));
            assertThat(receipt.issued.toInstant()).isEqualTo(t0);
            assertThat(receipt.touched.toInstant()).isEqualTo(t0);
            s.commit();
        }
        clock.advance(60);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Invoice i = s.get(Invoice.class, invoice.id);
            Receipt r = s.get(Receipt.class, 7L);
            i.amount = new BigDecimal("6.00");
            sql.clear();
            s.commit();
            assertThat(sql.sql()).hasSize(1); // the receipt did not change: not touched
            assertThat(sql.sql().get(0)).contains("updated_at").doesNotContain("created_at");
            assertThat(i.updatedAt).isEqualTo(LocalDateTime.ofInstant(t0.plusSeconds(60), ZoneOffset.UTC));
            assertThat(r.touched.toInstant()).isEqualTo(t0);
        }
        try (Session s = f.open()) {
            Invoice i = s.get(Invoice.class, invoice.id);
            assertThat(i.createdAt).isEqualTo(t0);
            assertThat(i.updatedAt).isEqualTo(LocalDateTime.ofInstant(t0.plusSeconds(60), ZoneOffset.UTC));
            i.createdAt = Instant.EPOCH; // not updatable: the creation time stays
            i.amount = new BigDecimal("7.00");
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Invoice.class, invoice.id).createdAt).isEqualTo(t0);
            assertThat(s.get(Receipt.class, 7L).issued.toInstant()).isEqualTo(t0);
        }
    }

    @Entity
    static class BadStamps {
        @Id
        Long id;
        @CreatedAt
        String created;
        @UpdatedAt
        LocalDateTime one;
        @UpdatedAt
        LocalDateTime two;
    }

    @Test
    void timestampFieldsOfTheWrongTypeOrTwiceAreRefused() {
        assertThatThrownBy(() -> MetadataBuilder.build(List.of(BadStamps.class), H2Dialect.INSTANCE))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("@CreatedAt field " + BadStamps.class.getName() + ".created is a String; make it an "
                        + "Instant, LocalDateTime or OffsetDateTime")
                .hasMessageContaining("has two @UpdatedAt fields");
    }
}
