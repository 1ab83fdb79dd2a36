package io.athanor.orm.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.model.placed.Brand;
import io.athanor.orm.model.placed.Item;
import io.athanor.orm.model.placed.Kind;
import io.athanor.orm.model.placed.Label;
import io.athanor.orm.model.placed.Part;
import io.athanor.orm.model.placed.Shop;
import io.athanor.orm.test.DatabaseTest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Select-in loading places each child with its parent as the child's row is read. What that must not change: a
 * parent's hash set gets its children once their own loaders have run; a children's statement read as joined rows,
 * whose own loaders run further select-in loads (which hand out their own rows), still hands every child to its
 * parent; and a children's statement that fails part way
 * leaves the parents' lists as they were, not half filled.
 */
class SelectInPlacedAsReadTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Brand.class, Shop.class, Item.class, Part.class, Label.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static <T> T add(Session s, T instance) {
        s.add(instance);
        return instance;
    }

    private static List<Long> ids(List<?> instances) {
        return instances.stream().map(i -> i instanceof Item it ? it.getId() : ((Part) i).getId()).toList();
    }

    @DatabaseTest
    void childrenInAParentsHashSetAreAddedOnceTheirOwnLoadersHaveRun(Engine engine) {
        SessionFactory f = factory(engine);
        f.inTransaction(s -> {
            Brand acme = add(s, new Brand(1L, "acme"));
            Brand zeta = add(s, new Brand(2L, "zeta"));
            Shop shop = add(s, new Shop(1L, "north"));
            s.add(new Label(1L, "red", shop, acme));
            s.add(new Label(2L, "red", shop, zeta));
            s.add(new Label(3L, "blue", shop, acme));
            return null;
        });
        try (Session s = f.open()) {
            Shop shop = s.select(Shop.class).list().get(0);
            assertThat(shop.getLabels()).as("the shop's labels, hashed with their brands").hasSize(3);
            List<Label> labels = s.select(Label.class).list();
            assertThat(labels).allSatisfy(l -> assertThat(shop.getLabels().contains(l))
                    .as("label %s found by its hash", l.getId()).isTrue());
            assertThat(shop.getLabels().remove(labels.get(0))).as("a label removed by its hash").isTrue();
            assertThat(shop.getLabels()).hasSize(2);
        }
    }

    @DatabaseTest
    void childrenReadAsJoinedRowsWhoseLoadersLoadFurtherKeepTheirParents(Engine engine) {
        SessionFactory f = factory(engine);
        f.inTransaction(s -> {
            Brand acme = add(s, new Brand(1L, "acme"));
            Shop north = add(s, new Shop(1L, "north"));
            Shop south = add(s, new Shop(2L, "south"));
            s.add(new Shop(3L, "east"));
            Item cup = add(s, new Item(1L, "cup", north, acme));
            s.add(new Item(2L, "jug", north, acme));
            Item pot = add(s, new Item(3L, "pot", south, null));
            s.add(new Part(1L, Kind.BOX, cup));
            s.add(new Part(2L, Kind.BAG, cup));
            s.add(new Part(3L, Kind.BOX, pot));
            return null;
        });
        try (Session s = f.open()) {
            List<Shop> shops = s.select(Shop.class).list().stream().sorted(Comparator.comparing(Shop::getId)).toList();
            assertThat(ids(shops.get(0).getItems())).as("north's items").containsExactly(1L, 2L);
            assertThat(ids(shops.get(1).getItems())).as("south's items").containsExactly(3L);
            assertThat(shops.get(2).getItems()).as("east's items").isEmpty();
            for (Shop shop : shops) {
                assertThat(shop.getItems()).allSatisfy(i -> assertThat(i.getShop()).as("item %s's shop", i.getId())
                        .isSameAs(shop));
            }
            Item cup = shops.get(0).getItems().get(0);
            assertThat(cup.getBrand().getName()).isEqualTo("acme");
            assertThat(ids(cup.getParts())).as("the cup's parts, loaded inside the items' load").containsExactly(1L, 2L);
            assertThat(cup.getParts()).allSatisfy(p -> assertThat(p.getItem()).isSameAs(cup));
            assertThat(ids(shops.get(1).getItems().get(0).getParts())).containsExactly(3L);
        }
    }

    @DatabaseTest
    void aChildrensStatementThatFailsPartWayLeavesTheParentsListAsItWas(Engine engine) {
        SessionFactory f = factory(engine);
        f.inTransaction(s -> {
            Shop north = add(s, new Shop(1L, "north"));
            Item cup = add(s, new Item(1L, "cup", north, null));
            s.add(new Part(1L, Kind.BOX, cup));
            s.add(new Part(2L, Kind.BAG, cup));
            s.flush();
            s.execute(Text.text("insert into plc_parts (id, kind, item_id) values (3, 'CRATE', 1)"), Map.of());
            return null;
        });
        try (Session s = f.open()) {
            assertThatThrownBy(() -> s.select(Item.class).list()).as("a part whose kind the enum lacks")
                    .hasMessageContaining("CRATE");
            Item cup = s.get(Item.class, 1L);
            assertThat(cup.getParts()).as("the cup's parts after the failed load: none, not the first two").isEmpty();
        }
    }
}
