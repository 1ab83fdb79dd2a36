package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.shop.Folder;
import io.athanor.orm.model.shop.Folder_;
import io.athanor.orm.model.shop.Order;
import io.athanor.orm.model.shop.OrderLine;
import io.athanor.orm.model.shop.Order_;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.model.shop.User_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/**
 * Defect 6: {@code merge()} cascades (cascade ALL) into the detached instance's loaded collections; it follows
 * to-one relationships that cascade MERGE, ends on cycles, and leaves alone what the copy had not loaded.
 */
class MergeCascadeTest {

    /** A user with orders p0, p1, p2 (one line each), loaded with its orders and lines in a session that is then closed. */
    private static User detachedUser(SessionFactory f) {
        long id = ShopFixture.userWithOrders(f, "ann", 3, 1);
        try (Session a = f.open()) {
            User u = a.get(User.class, id);
            for (Order o : u.getOrders()) {
                assertThat(o.getLines()).hasSize(1);
            }
            assertThat(u.getOrders()).hasSize(3);
            return u;
        }
    }

    private static List<String> products(SessionFactory f) {
        try (Session s = f.open()) {
            return s.select(Order_.product).orderBy(Order_.id).list().stream().map(r -> (String) r.get(0)).toList();
        }
    }

    /** Guards that merging a detached parent writes a change made to one of its detached children. */
    @DatabaseTest
    void mergeUpdatesAChangedChild(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        User detached = detachedUser(f);
        detached.getOrders().get(0).setProduct("changed");
        try (Session b = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            b.merge(detached);
            b.commit();
            assertThat(ShopFixture.inserts(sql)).isEmpty();
        }
        assertThat(products(f)).containsExactly("changed", "p1", "p2");
    }

    /** Guards that merging a detached parent deletes a child removed from its list (orphan removal), lines included. */
    @DatabaseTest
    void mergeDeletesAChildRemovedFromTheDetachedCollection(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        User detached = detachedUser(f);
        Order removed = detached.getOrders().remove(1);
        assertThat(removed.getProduct()).isEqualTo("p1");
        try (Session b = f.open()) {
            b.merge(detached);
            b.commit();
        }
        assertThat(products(f)).containsExactly("p0", "p2");
        assertThat(ShopFixture.rows(f, OrderLine.class)).as("lines left after the orphan's deletion").isEqualTo(2);
    }

    /** Guards that merging a detached parent inserts a new child added to its detached list. */
    @DatabaseTest
    void mergeInsertsAChildAddedToTheDetachedCollection(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        User detached = detachedUser(f);
        new Order("added", detached).line("added-line");
        try (Session b = f.open()) {
            User merged = b.merge(detached);
            b.commit();
            assertThat(merged.getOrders()).extracting(Order::getProduct).containsExactlyInAnyOrder("p0", "p1", "p2", "added");
        }
        assertThat(products(f)).containsExactly("p0", "p1", "p2", "added");
        assertThat(ShopFixture.rows(f, OrderLine.class)).isEqualTo(4);
    }

    /** Guards that one merge applies a changed, a removed and an added child together. */
    @DatabaseTest
    void mergeAppliesChangedRemovedAndAddedChildrenTogether(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        User detached = detachedUser(f);
        detached.getOrders().get(0).setProduct("changed");
        detached.getOrders().remove(2);
        new Order("added", detached);
        try (Session b = f.open()) {
            b.merge(detached);
            b.commit();
        }
        assertThat(products(f)).containsExactly("changed", "p1", "added");
        assertThat(ShopFixture.rows(f, OrderLine.class)).isEqualTo(2);
    }

    /** Guards that a collection the copy never loaded is neither loaded nor taken as empty: no child is unlinked. */
    @DatabaseTest
    void mergeLeavesACollectionTheCopyDidNotLoadAsItIs(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 3, 1);
        User detached;
        try (Session a = f.open()) {
            detached = a.get(User.class, id);
        }
        assertThat(Athanor.isLoaded(detached, User_.orders)).isFalse();
        detached.setName("renamed");
        try (Session b = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            User merged = b.merge(detached);
            assertThat(Athanor.isLoaded(merged, User_.orders)).as("merge loads no collection the copy had not loaded").isFalse();
            b.commit();
            assertThat(ShopFixture.startingWith(sql, "DELETE")).isEmpty();
            assertThat(ShopFixture.startingWith(sql, "UPDATE")).hasSize(1).allSatisfy(q -> assertThat(q).contains("shop_users"));
            assertThat(merged.getOrders()).extracting(Order::getProduct).containsExactly("p0", "p1", "p2");
        }
        assertThat(products(f)).containsExactly("p0", "p1", "p2");
    }

    /** A folder factory over a fresh {@code shop_folders}: root with children a and b; the root's id. */
    private static long folderTree(SessionFactory f) {
        f.schema().dropAll();
        f.schema().createAll();
        return f.inTransaction(s -> {
            Folder root = new Folder("root", null);
            new Folder("a", root);
            new Folder("b", root);
            s.add(root);
            s.flush();
            return root.getId();
        });
    }

    private static SessionFactory folders(Engine engine) {
        return SessionFactory.builder(engine).entities(Folder.class).nPlusOne(NPlusOne.OFF).build();
    }

    /** Each folder as {@code name<parent name} ({@code -} for none), by name. */
    private static List<String> tree(SessionFactory f) {
        try (Session s = f.open()) {
            return s.select(Folder.class).orderBy(Folder_.name).list().stream()
                    .map(x -> x.getName() + "<" + (x.getParent() == null ? "-" : x.getParent().getName())).toList();
        }
    }

    /** The root with its children loaded (each child's parent is that root: a cycle of MERGE cascades), detached. */
    private static Folder detachedRoot(SessionFactory f, long rootId) {
        try (Session s = f.open()) {
            Folder root = s.get(Folder.class, rootId);
            assertThat(root.getChildren()).extracting(Folder::getName).containsExactly("a", "b");
            assertThat(root.getChildren()).allSatisfy(c -> assertThat(c.getParent()).isSameAs(root));
            return root;
        }
    }

    /** Guards that merging through a cycle (child -> parent -> children -> child) ends, merging each instance once. */
    @DatabaseTest
    void mergeFollowsACycleOfCascadesOnce(Engine engine) {
        SessionFactory f = folders(engine);
        long rootId = folderTree(f);
        Folder root = detachedRoot(f, rootId);
        Folder a = root.getChildren().get(0);
        a.setName("a2");
        root.setName("root2");
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Folder merged = s.merge(a);
            assertThat(merged).isNotSameAs(a).isSameAs(s.get(Folder.class, a.getId()));
            Folder parent = merged.getParent();
            assertThat(parent).isNotSameAs(root).isSameAs(s.get(Folder.class, rootId));
            assertThat(parent.getName()).isEqualTo("root2");
            assertThat(parent.getChildren()).hasSize(2).contains(merged).allSatisfy(c -> assertThat(c.getParent()).isSameAs(parent));
            s.commit();
            assertThat(sql.statements()).filteredOn(q -> q.sql().startsWith("UPDATE"))
                    .as("root and a, once each").singleElement().satisfies(q -> assertThat(q.parameterSets()).hasSize(2));
            assertThat(ShopFixture.inserts(sql)).isEmpty();
        }
        assertThat(tree(f)).containsExactly("a2<root2", "b<root2", "root2<-");
    }

    /** Guards that a to-one that cascades MERGE merges the parent's changes, and leaves the parent's unloaded children alone. */
    @DatabaseTest
    void mergeFollowsAToOneThatCascadesMerge(Engine engine) {
        SessionFactory f = folders(engine);
        long rootId = folderTree(f);
        Folder a;
        try (Session s = f.open()) {
            a = s.select(Folder.class).where(Folder_.name.eq("a")).one();
            assertThat(a.getParent().getName()).isEqualTo("root");
        }
        assertThat(Athanor.isLoaded(a.getParent(), Folder_.children)).isFalse();
        a.getParent().setName("root2");
        try (Session s = f.open()) {
            Folder merged = s.merge(a);
            assertThat(merged.getParent()).isSameAs(s.get(Folder.class, rootId));
            s.commit();
        }
        assertThat(tree(f)).containsExactly("a<root2", "b<root2", "root2<-");
    }

    /** Guards that a new parent set on a to-one that cascades MERGE is added, and the child moves to it. */
    @DatabaseTest
    void mergeAddsANewParentReachedThroughAToOne(Engine engine) {
        SessionFactory f = folders(engine);
        folderTree(f);
        Folder a;
        try (Session s = f.open()) {
            a = s.select(Folder.class).where(Folder_.name.eq("a")).one();
        }
        Folder fresh = new Folder("new", null);
        a.setParent(fresh);
        try (Session s = f.open()) {
            Folder merged = s.merge(a);
            assertThat(merged.getParent()).isSameAs(fresh);
            assertThat(fresh.getChildren()).containsExactly(merged);
            assertThat(s.contains(fresh)).isTrue();
            s.commit();
        }
        assertThat(tree(f)).containsExactly("a<new", "b<root", "new<-", "root<-");
    }

    /** Guards that merging a new parent holding a detached child moves that child's row instead of inserting it again. */
    @DatabaseTest
    void mergeOfANewParentMovesADetachedChild(Engine engine) {
        SessionFactory f = folders(engine);
        long rootId = folderTree(f);
        Folder b = detachedRoot(f, rootId).getChildren().get(1);
        Folder fresh = new Folder("new", null);
        fresh.getChildren().add(b);
        b.setParent(fresh);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Folder merged = s.merge(fresh);
            assertThat(merged).isSameAs(fresh);
            assertThat(fresh.getChildren()).hasSize(1).first().isNotSameAs(b).isSameAs(s.get(Folder.class, b.getId()));
            s.commit();
            assertThat(ShopFixture.inserts(sql)).hasSize(1);
        }
        assertThat(tree(f)).containsExactly("a<root", "b<new", "new<-", "root<-");
    }

    /** Guards that a stale child refuses the whole merge before anything is copied. */
    @DatabaseTest
    void aStaleChildRefusesTheWholeMerge(Engine engine) {
        SessionFactory f = folders(engine);
        long rootId = folderTree(f);
        Folder root = detachedRoot(f, rootId);
        f.runInTransaction(s -> s.select(Folder.class).where(Folder_.name.eq("b")).one().setName("b elsewhere"));
        root.setName("root2");
        root.getChildren().get(0).setName("a2");
        try (Session s = f.open()) {
            assertThatThrownBy(() -> s.merge(root)).isInstanceOf(StaleObjectException.class).hasMessageContaining("Folder");
            Folder held = s.get(Folder.class, rootId);
            assertThat(held.getName()).as("nothing copied").isEqualTo("root");
            assertThat(held.getChildren()).extracting(Folder::getName).containsExactly("a", "b elsewhere");
            s.commit();
        }
        assertThat(tree(f)).containsExactly("a<root", "b elsewhere<root", "root<-");
    }
}
