package io.athanor.orm.inheritance;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.joined.Doc;
import io.athanor.orm.model.joined.Doc_;
import io.athanor.orm.model.joined.Folder;
import io.athanor.orm.model.joined.Folder_;
import io.athanor.orm.model.joined.Invoice;
import io.athanor.orm.model.joined.Reminder;
import io.athanor.orm.model.joined.Settlement;
import io.athanor.orm.model.joined.Settlement_;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/**
 * Relationships to the classes of a joined hierarchy load the right subclasses through every strategy: a collection
 * of the root holding mixed subclasses, a to-one to a subclass with a renamed key column, and a to-one from the
 * hierarchy to a plain entity.
 */
class JoinedLoadingTest {

    private static final List<String> DOCS = List.of("Note:a:hello", "Invoice:b:I-1:100", "Reminder:c:I-2:200:2");

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        f.runInTransaction(s -> s.add(new Settlement(90, s.select(Reminder.class).one())));
        return f;
    }

    private static void collectionLoads(Engine engine, Load option, int statements) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            var query = s.select(Folder.class);
            Folder inbox = (option == null ? query : query.options(option)).one();
            assertThat(inbox.getDocs().stream().map(Doc::describe).toList()).containsExactlyElementsOf(DOCS);
            assertThat(sql.count()).isEqualTo(statements);
            assertThat(inbox.getDocs()).allSatisfy(d -> assertThat(d.getFolder()).isSameAs(inbox));
            assertThat(s.select(Doc.class).list()).as("the same instances, keyed by the root")
                    .containsExactlyInAnyOrderElementsOf(inbox.getDocs());
        }
    }

    @DatabaseTest
    void aLazyCollectionOfTheRootHoldsMixedSubclasses(Engine engine) {
        collectionLoads(engine, null, 2);
    }

    @DatabaseTest
    void aJoinedCollectionOfTheRootHoldsMixedSubclasses(Engine engine) {
        collectionLoads(engine, joinedLoad(Folder_.docs), 1);
    }

    @DatabaseTest
    void aSelectinCollectionOfTheRootHoldsMixedSubclasses(Engine engine) {
        collectionLoads(engine, selectinLoad(Folder_.docs), 2);
    }

    @DatabaseTest
    void aSubqueryCollectionOfTheRootHoldsMixedSubclasses(Engine engine) {
        collectionLoads(engine, subqueryLoad(Folder_.docs), 2);
    }

    private static void toOneLoads(Engine engine, Load option, int statements) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            var query = s.select(Settlement.class).orderBy(Settlement_.amount);
            List<Settlement> settlements = (option == null ? query : query.options(option)).list();
            assertThat(settlements.stream().map(x -> x.getInvoice().describe()).toList())
                    .containsExactly("Invoice:b:I-1:100", "Reminder:c:I-2:200:2");
            assertThat(settlements.get(0).getInvoice()).isExactlyInstanceOf(Invoice.class);
            assertThat(settlements.get(1).getInvoice()).isExactlyInstanceOf(Reminder.class);
            assertThat(sql.count()).isEqualTo(statements);
            Invoice reminder = settlements.get(1).getInvoice();
            assertThat(s.get(Doc.class, reminder.getId())).isSameAs(reminder);
            assertThat(sql.count()).isEqualTo(statements);
        }
    }

    @DatabaseTest
    void aLazyToOneToASubclassWithSubclassesLoadsTheRightClassesWithItsOwners(Engine engine) {
        toOneLoads(engine, lazyLoad(Settlement_.invoice), 2);
    }

    @DatabaseTest
    void aToOneToASubclassByDefaultLoadsTheRightClasses(Engine engine) {
        toOneLoads(engine, null, 2);
    }

    @DatabaseTest
    void aJoinedToOneToASubclassLoadsTheRightClassesInOneStatement(Engine engine) {
        toOneLoads(engine, joinedLoad(Settlement_.invoice), 1);
    }

    @DatabaseTest
    void aSelectinToOneToASubclassLoadsTheRightClasses(Engine engine) {
        toOneLoads(engine, selectinLoad(Settlement_.invoice), 2);
    }

    @DatabaseTest
    void aSubqueryToOneToASubclassLoadsTheRightClasses(Engine engine) {
        toOneLoads(engine, subqueryLoad(Settlement_.invoice), 2);
    }

    @DatabaseTest
    void aToOneFromTheHierarchyLoadsJoinedFromThePolymorphicQuery(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Doc> docs = s.select(Doc.class).options(joinedLoad(Doc_.folder)).orderBy(Doc_.title).list();
            assertThat(docs.stream().map(d -> d.getFolder().getName()).distinct().toList()).containsExactly("inbox");
            assertThat(docs.get(2)).isExactlyInstanceOf(Reminder.class);
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void queriesJoinTheClassesOfTheHierarchyAlongRelationshipsAndForeignKeys(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            List<Settlement> byNumber = s.select(Settlement.class).join(Settlement_.invoice)
                    .where(io.athanor.orm.model.joined.Invoice_.number.eq("I-2")).list();
            assertThat(byNumber).extracting(Settlement::getAmount).containsExactly(90L);
            List<Settlement> inferred = s.select(Settlement.class).join(Invoice.class)
                    .where(io.athanor.orm.model.joined.Invoice_.title.eq("b")).list();
            assertThat(inferred).extracting(Settlement::getAmount).containsExactly(60L);
            List<Folder> withReminders = s.select(Folder.class).join(Folder_.docs)
                    .where(Doc_.title.eq("c")).list();
            assertThat(withReminders).extracting(Folder::getName).containsExactly("inbox");
            List<io.athanor.orm.engine.Row> counts = s.select(Folder_.name, io.athanor.orm.query.Sql.count(Doc_.id).as("n"))
                    .from(Folder.class).outerJoin(Doc.class).groupBy(Folder_.name).list();
            assertThat(counts).hasSize(1);
            assertThat(((Number) counts.get(0).get("n")).longValue()).isEqualTo(3L);
        }
    }
}
