package io.athanor.orm.inheritance;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Athanor;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.inheritance.Product;
import io.athanor.orm.model.inheritance.Product_;
import io.athanor.orm.model.inheritance.Shop;
import io.athanor.orm.model.inheritance.Shop_;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;

/**
 * Fields of mapped superclasses (two levels, generic in the key type) are mapped in each entity's own table: the
 * generated key, the version, an audit column and a relationship.
 */
class MappedSuperclassTest {

    private static Long seed(SessionFactory f) {
        return f.inTransaction(s -> {
            Shop shop = new Shop("west");
            shop.setCreatedBy("ada");
            s.add(shop);
            Product tea = new Product("tea", shop);
            tea.setCreatedBy("bob");
            s.add(tea);
            s.add(new Product("cake", shop));
            s.flush();
            assertThat(tea.getId()).as("the generic key, generated").isNotNull();
            assertThat(tea.getVersion()).as("the inherited version").isNotNull();
            return shop.getId();
        });
    }

    @DatabaseTest
    void inheritedFieldsAreColumnsOfEachEntitysTable(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        String ddl = f.schema().createSql().toLowerCase(java.util.Locale.ROOT).replace("\"", "").replace("`", "");
        String product = java.util.Arrays.stream(ddl.split(";")).map(String::trim)
                .filter(x -> x.startsWith("create table") && x.substring(0, x.indexOf('(')).contains("inh_product"))
                .findFirst().orElseThrow();
        assertThat(product).contains("id ", "version ", "created_by ", "shop_id ", "title ").doesNotContain("base_entity");
        seed(f);
        assertThat(InheritanceFixture.rows(f, "SELECT title, created_by FROM inh_product ORDER BY title")).containsExactly(
                java.util.Arrays.asList("cake", null), List.of("tea", "bob"));
        assertThat(InheritanceFixture.rows(f, "SELECT name, created_by FROM inh_shop")).containsExactly(List.of("west", "ada"));
    }

    @DatabaseTest
    void inheritedAttributesWorkInQueries(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        Long shopId = seed(f);
        try (Session s = f.open()) {
            assertThat(s.select(Product.class).where(Product_.createdBy.eq("bob")).one().getTitle()).isEqualTo("tea");
            assertThat(s.select(Product.class).where(Product_.shop.eq(s.get(Shop.class, shopId)))
                    .orderBy(Product_.id.desc()).list()).extracting(Product::getTitle).containsExactly("cake", "tea");
            assertThat(s.select(Shop.class).where(Shop_.createdBy.eq("ada")).one().getId()).isEqualTo(shopId);
        }
    }

    @DatabaseTest
    void aRelationshipDeclaredOnTheMappedSuperclassLoadsLazilyAndJoined(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        seed(f);
        try (Session s = f.open()) {
            Product tea = s.select(Product.class).where(Product_.title.eq("tea")).one();
            assertThat(Athanor.isLoaded(tea.getShop())).isFalse();
            assertThat(tea.getShop().getName()).isEqualTo("west");
            assertThat(tea.getShop().getProducts()).extracting(Product::getTitle).containsExactly("cake", "tea");
        }
        try (Session s = f.open()) {
            Product tea = s.select(Product.class).where(Product_.title.eq("tea")).options(joinedLoad(Product_.shop)).one();
            assertThat(Athanor.isLoaded(tea, Product_.shop)).isTrue();
            assertThat(tea.getShop().getName()).isEqualTo("west");
            Shop shop = s.select(Shop.class).options(selectinLoad(Shop_.products)).one();
            assertThat(shop).isSameAs(tea.getShop());
            assertThat(shop.getProducts()).hasSize(2).contains(tea);
        }
    }

    @DatabaseTest
    void updatesBumpTheInheritedVersionAndRollbackRestores(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        seed(f);
        Long before = f.inTransaction(s -> s.select(Product.class).where(Product_.title.eq("tea")).one().getVersion());
        f.runInTransaction(s -> s.select(Product.class).where(Product_.title.eq("tea")).one().setTitle("green tea"));
        try (Session s = f.open()) {
            Product tea = s.select(Product.class).where(Product_.title.eq("green tea")).one();
            assertThat(tea.getVersion()).isEqualTo(before + 1);
            tea.setCreatedBy("eve");
            s.delete(s.select(Product.class).where(Product_.title.eq("cake")).one());
            s.flush();
            s.rollback();
            assertThat(tea.getCreatedBy()).isEqualTo("bob");
        }
        assertThat(InheritanceFixture.rows(f, "SELECT title, created_by FROM inh_product ORDER BY title")).containsExactly(
                java.util.Arrays.asList("cake", null), List.of("green tea", "bob"));
    }
}
