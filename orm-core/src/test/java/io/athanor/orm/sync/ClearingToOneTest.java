package io.athanor.orm.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.loading.Category;
import io.athanor.orm.model.loading.Category_;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A to-one set to null clears the foreign key at the flush, on plain (not enhanced) entities too; a
 * to-one left alone keeps its key when something else changes.
 */
class ClearingToOneTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Category.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Category root = new Category("root", null);
            s.add(root);
            s.add(new Category("a", root));
            s.add(new Category("b", root));
        });
        return f;
    }

    private static String tree(SessionFactory f) {
        try (Session s = f.open()) {
            return s.select(Category.class).orderBy(Category_.name).list().stream()
                    .map(c -> c.getName() + "<" + (c.getParent() == null ? "-" : c.getParent().getName()))
                    .collect(Collectors.joining(","));
        }
    }

    @DatabaseTest
    void settingALoadedParentToNullClearsTheKey(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> s.select(Category.class).where(Category_.name.eq("a")).one().setParent(null));
        assertThat(tree(f)).isEqualTo("a<-,b<root,root<-");
    }

    @DatabaseTest
    void aParentNeverTouchedKeepsItsKeyWhenAnotherFieldChanges(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> s.select(Category.class).where(Category_.name.eq("b")).one().setName("b2"));
        f.runInTransaction(s -> s.get(Category.class, s.select(Category.class).where(Category_.name.eq("a")).one().getId())
                .setName("a2"));
        assertThat(tree(f)).isEqualTo("a2<root,b2<root,root<-");
    }

    @DatabaseTest
    void aNewInstancesParentClearedAfterItsInsertIsClearedByTheNextFlush(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            Category root = s.select(Category.class).where(Category_.name.eq("root")).one();
            Category c = new Category("c", root);
            s.add(c);
            s.flush();
            c.setParent(null);
        });
        assertThat(tree(f)).isEqualTo("a<root,b<root,c<-,root<-");
    }

    @DatabaseTest
    void mergingACopyWithoutItsParentKeepsTheRowsParent(Engine engine) {
        SessionFactory f = factory(engine);
        Category streamed;
        try (Session s = f.open(); var stream = s.select(Category.class).where(Category_.name.eq("a")).stream()) {
            streamed = stream.findFirst().orElseThrow();
        }
        assertThat(streamed.getParent()).as("streams set up no relationships").isNull();
        streamed.setName("a2");
        f.runInTransaction(s -> s.merge(streamed));
        assertThat(tree(f)).isEqualTo("a2<root,b<root,root<-");
    }

    @DatabaseTest
    void aParentClearedAfterARefreshIsClearedInTheDatabase(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            Category a = s.select(Category.class).where(Category_.name.eq("a")).one();
            s.refresh(a);
            a.setParent(null);
        });
        assertThat(tree(f)).isEqualTo("a<-,b<root,root<-");
    }

    @DatabaseTest
    void aClearedParentStaysClearedWhenAnotherQueryReturnsTheInstance(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            Category a = s.select(Category.class).where(Category_.name.eq("a")).one();
            a.setParent(null);
            assertThat(s.select(Category.class).orderBy(Category_.name).list()).first().isSameAs(a);
            assertThat(a.getParent()).as("the query did not set it up again from the row").isNull();
        });
        assertThat(tree(f)).isEqualTo("a<-,b<root,root<-");
    }

    @DatabaseTest
    void aPlainSetterMovesTheChildBetweenLoadedCollectionsAtTheFlush(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            List<Category> all = s.select(Category.class).orderBy(Category_.name).list();
            Category a = all.get(0);
            Category b = all.get(1);
            Category root = all.get(2);
            assertThat(root.getChildren()).containsExactly(a, b);
            a.setParent(b);
            assertThat(b.getChildren()).as("a plain setter: nothing in memory until the flush").isEmpty();
            s.flush();
            assertThat(root.getChildren()).containsExactly(b);
            assertThat(b.getChildren()).containsExactly(a);
            b.setParent(null);
            s.flush();
            assertThat(root.getChildren()).isEmpty();
        });
        assertThat(tree(f)).isEqualTo("a<b,b<-,root<-");
    }
}
