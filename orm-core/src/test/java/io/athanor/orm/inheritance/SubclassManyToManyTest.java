package io.athanor.orm.inheritance;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.inheritlinks.Editor;
import io.athanor.orm.model.inheritlinks.Editor_;
import io.athanor.orm.model.inheritlinks.Member;
import io.athanor.orm.model.inheritlinks.Member_;
import io.athanor.orm.model.inheritlinks.Topic;
import io.athanor.orm.model.inheritlinks.Topic_;
import io.athanor.orm.model.inheritlinks.Viewer;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A many-to-many whose owning side is a single-table subclass ({@code Editor.topics}, {@code Editor} sharing
 * {@code il_member} with {@code Viewer}): its link table's DDL, writes through the collection, and loading through
 * every strategy from both sides.
 */
class SubclassManyToManyTest {

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Member.class, Editor.class, Viewer.class, Topic.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Topic sql = new Topic(100, "sql");
            Topic java = new Topic(101, "java");
            Topic go = new Topic(102, "go");
            s.addAll(List.of(sql, java, go));
            Editor ann = new Editor(1, "ann");
            ann.getTopics().addAll(List.of(sql, java));
            Editor bob = new Editor(2, "bob");
            bob.getTopics().add(java);
            s.addAll(List.of(ann, bob, new Viewer(3, "cy"), new Editor(4, "dee")));
        });
        return f;
    }

    private static String topics(List<? extends Member> members) {
        return members.stream().map(m -> m.getName() + "=" + (m instanceof Editor e
                ? e.getTopics().stream().map(Topic::getLabel).collect(Collectors.joining(",")) : "-"))
                .collect(Collectors.joining(" "));
    }

    private static String links(SessionFactory f) {
        return InheritanceFixture.rows(f, "SELECT editor_id, topic_id FROM il_editor_topic ORDER BY editor_id, topic_id")
                .stream().map(r -> r.get(0) + "/" + r.get(1)).collect(Collectors.joining(" "));
    }

    @DatabaseTest
    void theLinkTableRefersToTheHierarchysTable(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Member.class, Editor.class, Viewer.class, Topic.class).build();
        String ddl = f.schema().createStatements().stream().filter(x -> x.toLowerCase(Locale.ROOT).contains("il_editor_topic"))
                .collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
        assertThat(ddl).contains("create table", "il_editor_topic (", "editor_id", "topic_id", "primary key")
                .contains("references il_member").contains("references il_topic");
        assertThat(f.schema().createStatements()).filteredOn(x -> x.toLowerCase(Locale.ROOT).startsWith("create table")
                && x.toLowerCase(Locale.ROOT).contains("editor")).hasSize(1);
        f.schema().dropAll();
        f.schema().createAll();
        f.schema().dropAll();
    }

    @DatabaseTest
    void addRemoveAndDeleteWriteTheSubclasssLinkRows(Engine engine) {
        SessionFactory f = seeded(engine);
        assertThat(links(f)).isEqualTo("1/100 1/101 2/101");
        f.runInTransaction(s -> {
            Editor ann = s.get(Editor.class, 1L);
            ann.getTopics().remove(s.get(Topic.class, 100L));
            ann.getTopics().add(s.get(Topic.class, 102L));
            s.get(Editor.class, 4L).getTopics().add(s.get(Topic.class, 100L));
        });
        assertThat(links(f)).isEqualTo("1/101 1/102 2/101 4/100");
        f.runInTransaction(s -> s.delete(s.get(Member.class, 1L)));   // deleted through the root: its links go too
        assertThat(links(f)).isEqualTo("2/101 4/100");
        f.runInTransaction(s -> s.delete(s.get(Topic.class, 100L)));  // and from the other side
        assertThat(links(f)).isEqualTo("2/101");
        try (Session s = f.open()) {
            assertThat(s.select(Member.class).orderBy(Member_.id).list()).extracting(Member::getName)
                    .containsExactly("bob", "cy", "dee");
        }
    }

    @DatabaseTest
    void theCollectionLoadsThroughEveryStrategy(Engine engine) {
        SessionFactory f = seeded(engine);
        for (Load load : List.of(lazyLoad(Editor_.topics), selectinLoad(Editor_.topics), joinedLoad(Editor_.topics),
                subqueryLoad(Editor_.topics))) {
            try (Session s = f.open()) {
                List<Editor> editors = s.select(Editor.class).orderBy(Editor_.name).options(load).list();
                assertThat(topics(editors)).as(load.toString()).isEqualTo("ann=java,sql bob=java dee=");
            }
        }
        try (Session s = f.open()) { // a query of the root: editors' collections load lazily, viewers have none
            assertThat(topics(s.select(Member.class).orderBy(Member_.name).list())).isEqualTo("ann=java,sql bob=java cy=- dee=");
        }
        for (Load load : List.of(selectinLoad(Editor_.topics), joinedLoad(Editor_.topics), subqueryLoad(Editor_.topics))) {
            try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) { // the subclass's option on the root
                List<Member> members = s.select(Member.class).orderBy(Member_.name).options(load).list();
                int statements = sql.count();
                assertThat(topics(members)).as(load.toString()).isEqualTo("ann=java,sql bob=java cy=- dee=");
                assertThat(sql.count()).as("%s: loaded with the query", load).isEqualTo(statements);
            }
        }
    }

    @DatabaseTest
    void theInverseSideLoadsTheSubclassThroughEveryStrategy(Engine engine) {
        SessionFactory f = seeded(engine);
        for (Load load : List.of(lazyLoad(Topic_.editors), selectinLoad(Topic_.editors), joinedLoad(Topic_.editors),
                subqueryLoad(Topic_.editors))) {
            try (Session s = f.open()) {
                List<Topic> topics = s.select(Topic.class).orderBy(Topic_.label).options(load).list();
                assertThat(topics).as(load.toString()).extracting(t -> t.getLabel() + "=" + t.getEditors().stream()
                        .map(Member::getName).collect(Collectors.joining(",")))
                        .containsExactly("go=", "java=ann,bob", "sql=ann");
                assertThat(topics.get(1).getEditors()).allSatisfy(e -> assertThat(e).isInstanceOf(Editor.class));
            }
        }
    }
}
