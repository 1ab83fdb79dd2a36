package io.athanor.orm.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.loading.Album;
import io.athanor.orm.model.loading.Category;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Customer_;
import io.athanor.orm.model.loading.Genre;
import io.athanor.orm.model.loading.Line;
import io.athanor.orm.model.loading.Note;
import io.athanor.orm.model.loading.Purchase;
import io.athanor.orm.model.loading.Track;
import io.athanor.orm.query.Synchronize;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Map;

/** expire(), expireOnCommit, and what DSL UPDATE and DELETE do to the instances a session holds. */
class ExpireAndSynchronizeTest {

    private static void renameBehindTheSessionsBack(SessionFactory f, String from, String to) {
        try (Session other = f.open()) {
            other.execute(Text.text("update customers set name = :to where name = :from"), Map.of("to", to, "from", from));
            other.commit();
        }
    }

    @DatabaseTest
    void anExpiredInstanceIsReadAgainWhenTheSessionNextReturnsIt(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 2, 0);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Customer c = s.select(Customer.class).where(Customer_.name.eq("c000")).one();
            renameBehindTheSessionsBack(f, "c000", "renamed");
            s.commit();
            assertThat(s.get(Customer.class, c.getId()).getName()).as("the identity map answers").isEqualTo("c000");
            s.expire(c);
            sql.clear();
            assertThat(s.get(Customer.class, c.getId())).isSameAs(c);
            assertThat(c.getName()).isEqualTo("renamed");
            assertThat(sql.count()).isEqualTo(1);
            s.expire(c);
            c.setName("changed in memory");
            s.select(Customer.class).list();
            assertThat(c.getName()).as("unflushed changes survive the reload").isEqualTo("changed in memory");
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Customer.class).where(Customer_.name.eq("changed in memory")).list()).hasSize(1);
            assertThatThrownBy(() -> s.expire(new Customer("new"))).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("expire()");
        }
    }

    @DatabaseTest
    void expireOnCommitRereadsEveryInstanceAfterCommit(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Customer.class, Purchase.class, Line.class, Note.class, Category.class, Album.class, Track.class,
                        Genre.class)
                .expireOnCommit(true)
                .build();
        f.schema().dropAll();
        f.schema().createAll();
        LoadingFixture.seed(f, 1, 0);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Customer c = s.select(Customer.class).one();
            s.commit();
            renameBehindTheSessionsBack(f, "c000", "after commit");
            sql.clear();
            assertThat(s.get(Customer.class, c.getId()).getName()).isEqualTo("after commit");
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void aDslUpdateRereadsTheInstancesTheSessionHoldsByDefault(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 3, 0);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Customer> all = s.select(Customer.class).orderBy(Customer_.name).list();
            sql.clear();
            long n = s.update(Customer.class).set(Customer_.name, "same").where(Customer_.name.ne("c002")).execute();
            assertThat(n).isEqualTo(2);
            assertThat(all).extracting(Customer::getName).containsExactly("same", "same", "c002");
            assertThat(sql.count()).as("the UPDATE and one SELECT by key").isEqualTo(2);
            sql.clear();
            s.flush();
            assertThat(sql.count()).as("the snapshot was refreshed too: nothing to write").isZero();
        }
    }

    @DatabaseTest
    void expireAndNoneAreChosenPerStatement(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 1, 0);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Customer c = s.select(Customer.class).one();
            s.update(Customer.class).set(Customer_.name, "left alone").synchronize(Synchronize.NONE).execute();
            assertThat(c.getName()).isEqualTo("c000");
            s.update(Customer.class).set(Customer_.name, "expired").synchronize(Synchronize.EXPIRE).execute();
            assertThat(c.getName()).as("not read yet").isEqualTo("c000");
            sql.clear();
            s.get(Customer.class, c.getId());
            assertThat(c.getName()).isEqualTo("expired");
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void aDslDeleteRemovesTheInstancesWhoseRowsItDeleted(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 3, 0);
        try (Session s = f.open()) {
            List<Customer> all = s.select(Customer.class).orderBy(Customer_.name).list();
            s.delete(Customer.class).where(Customer_.name.eq("c001")).execute();
            assertThat(s.contains(all.get(0))).isTrue();
            assertThat(s.contains(all.get(1))).isFalse();
            assertThat(s.get(Customer.class, all.get(1).getId())).isNull();
            s.commit();
        }
    }
}
