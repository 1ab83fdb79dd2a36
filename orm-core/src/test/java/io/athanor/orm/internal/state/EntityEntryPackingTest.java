package io.athanor.orm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.model.inheritance.CardPayment;
import io.athanor.orm.model.inheritance.InstantWire;
import io.athanor.orm.model.inheritance.Payment;
import io.athanor.orm.model.inheritance.Product;
import io.athanor.orm.model.inheritance.Refund;
import io.athanor.orm.model.inheritance.Shop;
import io.athanor.orm.model.inheritance.WirePayment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of an entry kept together in one field: the status beside the flags, and the read marks of joined loading. */
class EntityEntryPackingTest {
    private static final Metadata META = MetadataBuilder.build(List.of(Shop.class, Product.class, Payment.class,
            CardPayment.class, WirePayment.class, InstantWire.class, Refund.class), H2Dialect.INSTANCE);
    private static final EntityModel PRODUCT = META.entity(Product.class);

    private static EntityEntry entry() {
        return new EntityEntry(new Object(), PRODUCT, 1L, null, EntityEntry.Status.PERSISTENT, null);
    }

    @Test
    void theStatusAndTheFlagsDoNotDisturbEachOther() {
        EntityEntry e = entry();
        assertThat(e.status()).isEqualTo(EntityEntry.Status.PERSISTENT);
        assertThat(e.hasKey()).isTrue();
        for (EntityEntry.Status s : EntityEntry.Status.values()) {
            e.set(EntityEntry.INDEXED, true);
            e.status(s);
            assertThat(e.status()).isEqualTo(s);
            assertThat(e.is(EntityEntry.INDEXED)).isTrue();
            assertThat(e.hasKey()).isTrue();
            e.set(EntityEntry.INDEXED, false);
            e.set(EntityEntry.IN_COMPARED, true);
            assertThat(e.status()).isEqualTo(s);
            e.set(EntityEntry.IN_COMPARED, false);
        }
        EntityEntry fresh = new EntityEntry(new Object(), PRODUCT, null, EntityEntry.Status.NEW, null);
        assertThat(fresh.status()).isEqualTo(EntityEntry.Status.NEW);
        assertThat(fresh.hasKey()).isFalse();
    }

    @Test
    void aReadMarksAnInstanceOnceAsARootAndOnceAsAChild() {
        EntityEntry e = entry();
        for (int read : new int[] {1, 2, 1 << 20, EntityEntry.MAX_READ - 1, EntityEntry.MAX_READ}) {
            assertThat(e.markRead(read, false)).as("read %d, root", read).isTrue();
            assertThat(e.markRead(read, false)).isFalse();
            assertThat(e.markRead(read, true)).as("read %d, child", read).isTrue();
            assertThat(e.markRead(read, true)).isFalse();
        }
        assertThat(e.markRead(3, true)).isTrue();
        assertThat(e.markRead(3, false)).isTrue();
    }

    @Test
    void clearedMarksLetTheFirstReadNumbersMarkAgain() {
        IdentityMap map = new IdentityMap();
        EntityEntry e = entry();
        map.add(e);
        assertThat(e.markRead(1, false)).isTrue();
        assertThat(e.markRead(1, true)).isTrue();
        map.clearReadMarks();
        assertThat(e.markRead(1, false)).isTrue();
        assertThat(e.markRead(1, true)).isTrue();
    }
}
