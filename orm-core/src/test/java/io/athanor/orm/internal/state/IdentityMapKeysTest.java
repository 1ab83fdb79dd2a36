package io.athanor.orm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.athanor.orm.model.links.OrderLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The identity map's key table, against what a {@code HashMap<EntityKey, EntityEntry>} would answer: growth past
 * its capacity with deletes and re-adds (and the table by instance likewise), colliding hashes, composite keys, shards, and classes of one hierarchy
 * against unrelated ones. Pure bookkeeping: no database is involved.
 */
class IdentityMapKeysTest {
    private static final Metadata META = MetadataBuilder.build(List.of(Shop.class, Product.class, Payment.class,
            CardPayment.class, WirePayment.class, InstantWire.class, Refund.class, OrderLine.class), H2Dialect.INSTANCE);

    private static EntityModel model(Class<?> type) {
        return META.entity(type);
    }

    private static EntityEntry loaded(Class<?> type, Object id, String shard) {
        return new EntityEntry(new Object(), model(type), id, shard, EntityEntry.Status.PERSISTENT, new Object[0]);
    }

    @Test
    void aLoadedEntryIsFoundByItsKeyAndMakesItsKeyOnDemand() {
        IdentityMap map = new IdentityMap();
        EntityEntry e = loaded(Product.class, 7L, null);
        map.add(e);
        assertThat(map.get(Product.class, 7L, null)).isSameAs(e);
        assertThat(map.get(new EntityKey(Product.class, 7L))).isSameAs(e);
        assertThat(map.holdsKey(new EntityKey(Product.class, 7L))).isTrue();
        assertThat(e.key()).isEqualTo(new EntityKey(Product.class, 7L, null));
        assertThat(e.id()).isEqualTo(7L);
        assertThat(map.get(Product.class, 8L, null)).isNull();
        assertThat(map.get(Product.class, 7, null)).as("an Integer 7 is not the Long key 7").isNull();
    }

    @Test
    void equalIdsInTwoShardsAreTwoEntries() {
        IdentityMap map = new IdentityMap();
        EntityEntry a = loaded(Product.class, 1L, "a");
        EntityEntry b = loaded(Product.class, 1L, "b");
        EntityEntry none = loaded(Product.class, 1L, null);
        map.add(a);
        map.add(b);
        map.add(none);
        assertThat(map.get(Product.class, 1L, "a")).isSameAs(a);
        assertThat(map.get(Product.class, 1L, "b")).isSameAs(b);
        assertThat(map.get(Product.class, 1L, null)).isSameAs(none);
        map.forget(a);
        assertThat(map.get(Product.class, 1L, "a")).isNull();
        assertThat(map.get(Product.class, 1L, "b")).isSameAs(b);
    }

    @Test
    void classesOfOneHierarchyShareKeysWhileUnrelatedClassesDoNot() {
        IdentityMap map = new IdentityMap();
        EntityEntry card = loaded(CardPayment.class, 1L, null);
        EntityEntry refund = loaded(Refund.class, 1L, null);
        map.add(card);
        map.add(refund);
        assertThat(card.key().type()).isEqualTo(Payment.class);
        assertThat(map.get(Payment.class, 1L, null)).isSameAs(card);
        assertThat(map.get(Refund.class, 1L, null)).isSameAs(refund);
        EntityEntry wire = loaded(InstantWire.class, 1L, null);
        map.add(wire); // the same row key of the hierarchy: replaces the card payment's entry by key
        assertThat(map.get(Payment.class, 1L, null)).isSameAs(wire);
        map.forget(card); // no longer found by key: leaves the wire payment's entry alone
        assertThat(map.get(Payment.class, 1L, null)).isSameAs(wire);
        assertThat(map.get(Refund.class, 1L, null)).isSameAs(refund);
    }

    @Test
    void compositeKeysAreFoundByAnyEqualList() {
        IdentityMap map = new IdentityMap();
        EntityEntry line = loaded(OrderLine.class, List.of(5L, 2), null);
        map.add(line);
        assertThat(map.get(OrderLine.class, Arrays.asList(5L, 2), null)).isSameAs(line);
        assertThat(map.get(new EntityKey(OrderLine.class, new ArrayList<>(List.of(5L, 2))))).isSameAs(line);
        assertThat(map.get(OrderLine.class, List.of(2, 5L), null)).isNull();
    }

    @Test
    void keysWithOneHashCodeAreTold() {
        IdentityMap map = new IdentityMap();
        // List.of(1L, 0L) and List.of(0L, 31L) have one hash code, as do the others built the same way
        List<EntityEntry> all = new ArrayList<>();
        for (long i = 0; i < 200; i++) {
            EntityEntry e = loaded(OrderLine.class, List.of(i, 31L * (200 - i)), null);
            all.add(e);
            map.add(e);
        }
        assertThat(all.stream().map(e -> e.key().hashCode()).distinct().count()).isEqualTo(1);
        for (int i = 0; i < all.size(); i += 2) {
            map.forget(all.get(i));
        }
        for (int i = 0; i < all.size(); i++) {
            EntityEntry e = all.get(i);
            assertThat(map.get(OrderLine.class, e.id(), null)).isSameAs(i % 2 == 0 ? null : e);
        }
    }

    @Test
    void aNewEntryIsFoundOnceKeyedAndNoLongerWhenItsKeyIsTakenBack() {
        IdentityMap map = new IdentityMap();
        EntityEntry e = new EntityEntry(new Object(), model(Product.class), null, EntityEntry.Status.NEW, null);
        map.add(e);
        assertThat(e.hasKey()).isFalse();
        assertThat(e.key()).isNull();
        assertThat(e.id()).isNull();
        map.keyed(e, new EntityKey(Product.class, 3L));
        assertThat(map.get(Product.class, 3L, null)).isSameAs(e);
        map.removeKey(new EntityKey(Product.class, 3L));
        assertThat(map.get(Product.class, 3L, null)).isNull();
        map.putKey(e);
        assertThat(map.get(Product.class, 3L, null)).isSameAs(e);
        e.restoreId(null);
        assertThat(e.hasKey()).isFalse();
        map.forget(e);
        assertThat(map.get(Product.class, 3L, null)).isNull();
        map.keyed(e, new EntityKey(Product.class, 4L));
        map.keyed(e, new EntityKey(Product.class, 5L)); // keyed again: found by its new key only
        assertThat(map.get(Product.class, 4L, null)).isNull();
        assertThat(map.get(Product.class, 5L, null)).isSameAs(e);
    }

    @Test
    void aKeyOfAnotherClassThanTheRootIsRefused() {
        EntityEntry e = new EntityEntry(new Object(), model(CardPayment.class), null, EntityEntry.Status.NEW, null);
        assertThatThrownBy(() -> e.setKey(new EntityKey(CardPayment.class, 1L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("root class");
    }

    /**
     * Thousands of random adds (half of them looked up first, as a loader does), forgets, re-keys and clears: the map
     * answers as a plain hash map of keys would.
     */
    @Test
    void growingPastItsCapacityWithDeletesAndReAddsAnswersAsAHashMap() {
        randomOperations(20261202L, false);
    }

    /** The same with room reserved ahead now and then, as a statement expected to read many rows does. */
    @Test
    void reservingRoomAheadBetweenAddsDeletesAndReKeysAnswersAsAHashMap() {
        randomOperations(20261203L, true);
    }

    @Test
    void roomReservedForManyEntriesKeepsThoseHeldAndTheirListingOrder() {
        IdentityMap map = new IdentityMap();
        List<EntityEntry> first = new ArrayList<>();
        for (long id = 0; id < 100; id++) {
            EntityEntry e = loaded(Product.class, id, null);
            map.add(e);
            first.add(e);
        }
        map.forget(first.remove(10));
        map.expect(0, true);
        map.expect(-5, true);
        List<EntityEntry> visitBefore = map.toVisit();
        map.expect(20_000, true); // a statement of many rows: the tables grow once, before its first row
        assertThat(visitBefore).as("a visit handed out before keeps its entries").containsExactlyElementsOf(first);
        for (EntityEntry e : first) {
            assertThat(map.get(Product.class, e.id(), null)).isSameAs(e);
            assertThat(map.entryOf(e.instance)).isSameAs(e);
        }
        assertThat(map.get(Product.class, 10L, null)).isNull();
        List<EntityEntry> all = new ArrayList<>(first);
        for (long id = 100; id < 20_100; id++) {
            EntityEntry e = loaded(Product.class, id, null);
            map.add(e);
            all.add(e);
        }
        assertThat(map.entries()).containsExactlyElementsOf(all);
        assertThat(map.toVisit()).containsExactlyElementsOf(all);
        // taking entries out and keying them again after the tables were sized ahead
        for (int i = 0; i < all.size(); i += 3) {
            map.forget(all.get(i));
        }
        for (int i = 1; i < all.size(); i += 3) {
            EntityEntry e = all.get(i);
            map.keyed(e, new EntityKey(Product.class, (Long) e.id() + 1_000_000L));
        }
        for (int i = 0; i < all.size(); i++) {
            EntityEntry e = all.get(i);
            assertThat(map.entryOf(e.instance)).isSameAs(i % 3 == 0 ? null : e);
        }
        for (int i = 1; i < all.size(); i += 3) {
            EntityEntry e = all.get(i);
            assertThat(map.get(Product.class, e.id(), null)).isSameAs(e);
            assertThat(map.get(Product.class, (Long) e.id() - 1_000_000L, null)).isNull();
        }
        for (int i = 2; i < all.size(); i += 3) {
            EntityEntry e = all.get(i);
            assertThat(map.get(Product.class, e.id(), null)).isSameAs(e);
        }
        map.expect(5, false); // room already there: nothing changes
        assertThat(map.entries()).hasSize(all.size() - (all.size() + 2) / 3);
    }

    @Test
    void roomReservedInAnEmptyMapTakesOneEntryAsWell() {
        IdentityMap map = new IdentityMap();
        map.expect(3, false);
        EntityEntry e = loaded(Refund.class, 1L, "a");
        map.add(e);
        assertThat(map.get(Refund.class, 1L, "a")).isSameAs(e);
        assertThat(map.toVisit()).containsExactly(e);
        map.forget(e);
        assertThat(map.get(Refund.class, 1L, "a")).isNull();
        assertThat(map.entryOf(e.instance)).isNull();
    }

    private static void randomOperations(long seed, boolean reserving) {
        Random random = new Random(seed);
        IdentityMap map = new IdentityMap();
        Map<EntityKey, EntityEntry> expected = new HashMap<>();
        List<EntityEntry> held = new ArrayList<>();
        List<EntityEntry> ever = new ArrayList<>();
        Class<?>[] types = {Product.class, CardPayment.class, Refund.class};
        String[] shards = {null, "a", "b"};
        for (int step = 0; step < 60_000; step++) {
            int op = random.nextInt(100);
            if (op < 60 || held.isEmpty()) {
                Class<?> type = types[random.nextInt(types.length)];
                Long id = (long) random.nextInt(4_000);
                String shard = shards[random.nextInt(shards.length)];
                if (random.nextBoolean()) {
                    // as a loader does: the row's key looked up first, then its entry put with that very id object,
                    // sometimes after the table changed in between (the look-up's place is then no longer to be used)
                    assertThat(map.get(model(type).rootType(), id, shard))
                            .isSameAs(expected.get(new EntityKey(model(type).rootType(), id, shard)));
                    if (!held.isEmpty() && random.nextInt(3) == 0) {
                        EntityEntry other = held.remove(random.nextInt(held.size()));
                        map.forget(other);
                        expected.remove(other.key(), other);
                    }
                }
                EntityEntry e = loaded(type, id, shard);
                map.add(e);
                expected.put(e.key(), e);
                held.add(e);
                ever.add(e);
            } else if (op < 95) {
                EntityEntry e = held.remove(random.nextInt(held.size()));
                map.forget(e);
                expected.remove(e.key(), e);
            } else if (op < 99) {
                EntityEntry e = held.get(random.nextInt(held.size()));
                map.removeKey(e.key());
                expected.remove(e.key());
                map.putKey(e);
                expected.put(e.key(), e);
            } else if (reserving && random.nextBoolean()) {
                map.expect(random.nextInt(random.nextBoolean() ? 50 : 5_000), random.nextBoolean());
            } else if (random.nextInt(50) == 0) {
                map.clear();
                expected.clear();
                held.clear();
            }
            if (step % 5_000 == 0 || step == 59_999) {
                for (Class<?> type : types) {
                    for (String shard : shards) {
                        for (long id = 0; id < 4_000; id++) {
                            EntityKey k = new EntityKey(model(type).rootType(), id, shard);
                            assertThat(map.get(k.type(), id, shard)).as("%s", k).isSameAs(expected.get(k));
                        }
                    }
                }
                java.util.Set<EntityEntry> holding = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                holding.addAll(held);
                for (EntityEntry e : ever) {
                    assertThat(map.entryOf(e.instance)).isSameAs(holding.contains(e) ? e : null);
                }
                assertThat(map.entries()).hasSize(held.size());
            }
        }
    }
}
