package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.shop.Article;
import io.athanor.orm.model.shop.Category;
import io.athanor.orm.model.shop.Category_;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;

/**
 * Defect 7: deleting a parent whose children are not cascaded (and whose foreign key has no ON DELETE)
 * sets the children's reference to NULL rather than failing on the foreign key.
 */
class DeleteParentTest {

    private static long authorWithArticles(SessionFactory f) {
        assertThat(f.schema().createStatements()).as("precondition: Athanor's DDL puts no ON DELETE on author_id")
                .filteredOn(ddl -> ddl.contains("author_id")).isNotEmpty()
                .noneMatch(ddl -> ddl.toUpperCase(java.util.Locale.ROOT).contains("ON DELETE"));
        return f.inTransaction(s -> {
            User u = new User("ann");
            s.add(u);
            s.add(new Article("first", u));
            s.add(new Article("second", u));
            s.add(new Article("someone else's", null));
            s.flush();
            return u.getId();
        });
    }

    private static void assertArticlesKeptWithoutAuthor(SessionFactory f) {
        try (Session s = f.open()) {
            List<Article> articles = s.select(Article.class).list();
            assertThat(articles).as("articles after their author's deletion").hasSize(3)
                    .allSatisfy(a -> assertThat(a.getAuthor()).as("author of %s", a.getTitle()).isNull());
        }
        assertThat(ShopFixture.rows(f, User.class)).isZero();
    }

    /** Guards that deleting a user whose (non-cascaded) articles were never loaded succeeds and leaves them without author. */
    @DatabaseTest
    void deletingAParentWithUnloadedChildrenClearsTheirReference(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = authorWithArticles(f);
        try (Session s = f.open()) {
            s.delete(s.get(User.class, id));
            s.commit();
        }
        assertArticlesKeptWithoutAuthor(f);
    }

    /** Guards that deleting a user whose (non-cascaded) articles are loaded succeeds and leaves them without author. */
    @DatabaseTest
    void deletingAParentWithLoadedChildrenClearsTheirReference(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = authorWithArticles(f);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            List<Article> articles = List.copyOf(u.getArticles());
            assertThat(articles).hasSize(2);
            s.delete(u);
            s.commit();
            assertThat(articles).as("the loaded articles after their author's deletion")
                    .allSatisfy(a -> assertThat(a.getAuthor()).isNull());
        }
        assertArticlesKeptWithoutAuthor(f);
    }

    /** Guards that deleting a category of a self-referencing tree (children not cascaded) keeps the children as roots. */
    @DatabaseTest
    void deletingATreeNodeClearsItsChildrensParent(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long rootId = f.inTransaction(s -> {
            Category root = new Category("root", null);
            Category a = new Category("a", root);
            s.add(root);
            s.add(a);
            s.add(new Category("b", root));
            s.add(new Category("a1", a));
            s.flush();
            return root.getId();
        });
        try (Session s = f.open()) {
            s.delete(s.get(Category.class, rootId));
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Category.class).where(Category_.parent.isNull()).orderBy(Category_.name).list())
                    .extracting(Category::getName).containsExactly("a", "b");
            assertThat(s.select(Category.class).where(Category_.name.eq("a1")).one().getParent().getName()).isEqualTo("a");
        }
    }
}
