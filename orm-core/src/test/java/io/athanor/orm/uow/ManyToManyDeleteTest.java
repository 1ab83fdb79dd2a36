package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.model.shop.Article;
import io.athanor.orm.model.shop.Tag;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Defect 8: deleting either side of a many-to-many removes its link rows itself, on a schema whose
 * link-table foreign keys have no ON DELETE clause (one Athanor did not create).
 */
class ManyToManyDeleteTest {

    /** The shop schema from Athanor's own DDL with every ON DELETE clause taken out, as a hand-made schema would be. */
    private static SessionFactory withoutOnDelete(Engine engine) {
        SessionFactory f = ShopFixture.factory(engine);
        f.schema().dropAll();
        List<String> ddl = f.schema().createStatements().stream()
                .map(stmt -> stmt.replaceAll("(?i)\\s+ON DELETE (CASCADE|SET NULL|RESTRICT|NO ACTION)", "")).toList();
        assertThat(ddl).as("precondition: the link table has foreign keys, none with ON DELETE")
                .anyMatch(stmt -> stmt.contains("article_tags") && stmt.toUpperCase(Locale.ROOT).contains("FOREIGN KEY"))
                .noneMatch(stmt -> stmt.toUpperCase(Locale.ROOT).contains("ON DELETE"));
        engine.runInTransaction(c -> {
            for (String stmt : ddl) {
                c.execute(Text.text(stmt));
            }
        });
        return f;
    }

    /** Articles "a1" (tags red, green) and "a2" (tag green); returns {a1, a2, red, green} ids. */
    private static long[] seed(SessionFactory f) {
        return f.inTransaction(s -> {
            Tag red = new Tag("red");
            Tag green = new Tag("green");
            Article a1 = new Article("a1", null);
            Article a2 = new Article("a2", null);
            a1.getTags().add(red);
            a1.getTags().add(green);
            a2.getTags().add(green);
            s.addAll(List.of(red, green, a1, a2));
            s.flush();
            return new long[] {a1.getId(), a2.getId(), red.getId(), green.getId()};
        });
    }

    private static long links(SessionFactory f, String where) {
        return ShopFixture.number(f, "select count(*) from article_tags" + where);
    }

    /** Guards that deleting an article whose tags were never loaded removes its link rows and keeps the tags. */
    @DatabaseTest
    void deletingAnOwnerWithUnloadedTagsRemovesItsLinks(Engine engine) {
        SessionFactory f = withoutOnDelete(engine);
        long[] ids = seed(f);
        assertThat(links(f, "")).isEqualTo(3);
        try (Session s = f.open()) {
            s.delete(s.get(Article.class, ids[0]));
            s.commit();
        }
        assertThat(links(f, " where article_id = " + ids[0])).as("links of the deleted article").isZero();
        assertThat(links(f, "")).as("links of the other article").isEqualTo(1);
        assertThat(ShopFixture.rows(f, Tag.class)).isEqualTo(2);
        assertThat(ShopFixture.rows(f, Article.class)).isEqualTo(1);
    }

    /** Guards that deleting an article whose tags are loaded removes its link rows and keeps the tags. */
    @DatabaseTest
    void deletingAnOwnerWithLoadedTagsRemovesItsLinks(Engine engine) {
        SessionFactory f = withoutOnDelete(engine);
        long[] ids = seed(f);
        try (Session s = f.open()) {
            Article a1 = s.get(Article.class, ids[0]);
            assertThat(a1.getTags()).hasSize(2);
            s.delete(a1);
            s.commit();
        }
        assertThat(links(f, " where article_id = " + ids[0])).as("links of the deleted article").isZero();
        assertThat(links(f, "")).isEqualTo(1);
        assertThat(ShopFixture.rows(f, Tag.class)).isEqualTo(2);
    }

    /** Guards that deleting a tag (inverse side) whose articles are not loaded removes its link rows, with no FK violation. */
    @DatabaseTest
    void deletingTheInverseSideWithUnloadedOwnersRemovesItsLinks(Engine engine) {
        SessionFactory f = withoutOnDelete(engine);
        long[] ids = seed(f);
        try (Session s = f.open()) {
            s.delete(s.get(Tag.class, ids[3]));
            s.commit();
        }
        assertThat(links(f, " where tag_id = " + ids[3])).as("links of the deleted tag").isZero();
        assertThat(links(f, "")).as("the other tag's link").isEqualTo(1);
        assertThat(ShopFixture.rows(f, Article.class)).isEqualTo(2);
        assertThat(ShopFixture.rows(f, Tag.class)).isEqualTo(1);
    }

    /**
     * Guards that a tag deleted while an article's tags are loaded leaves that collection, that its links go
     * before it does, and that later flushes write no link to it.
     */
    @DatabaseTest
    void aDeletedTagLeavesLoadedCollectionsAndNoLinkIsWrittenToIt(Engine engine) {
        SessionFactory f = withoutOnDelete(engine);
        long[] ids = seed(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Article a1 = s.get(Article.class, ids[0]);
            Tag green = s.get(Tag.class, ids[3]);
            assertThat(a1.getTags()).hasSize(2).contains(green);
            sql.clear();
            s.delete(green);
            s.commit();
            assertThat(sql.sql()).containsSubsequence("DELETE FROM article_tags WHERE tag_id = ?",
                    "DELETE FROM shop_tags WHERE id = ?");
            assertThat(a1.getTags()).extracting(Tag::getLabel).containsExactly("red");
            Tag blue = new Tag("blue");
            s.add(blue);
            a1.getTags().add(blue);
            s.commit();
        }
        assertThat(links(f, " where article_id = " + ids[0])).as("red and blue").isEqualTo(2);
        assertThat(links(f, "")).isEqualTo(2);
    }

    /** Guards that deleting both sides of links in one flush deletes each link row once, before either entity. */
    @DatabaseTest
    void deletingBothSidesInOneFlushRemovesTheirLinks(Engine engine) {
        SessionFactory f = withoutOnDelete(engine);
        long[] ids = seed(f);
        try (Session s = f.open()) {
            Article a1 = s.get(Article.class, ids[0]);
            assertThat(a1.getTags()).hasSize(2);
            s.delete(a1);
            s.delete(s.get(Tag.class, ids[3]));
            s.commit();
        }
        assertThat(links(f, "")).as("a1's links and green's").isZero();
        assertThat(ShopFixture.rows(f, Article.class)).isEqualTo(1);
        assertThat(ShopFixture.rows(f, Tag.class)).isEqualTo(1);
    }
}
