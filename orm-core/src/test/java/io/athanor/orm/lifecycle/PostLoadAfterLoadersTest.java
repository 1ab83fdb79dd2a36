package io.athanor.orm.lifecycle;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Athanor;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.PostLoad;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.inheritance.CardPayment;
import io.athanor.orm.model.inheritance.InstantWire;
import io.athanor.orm.model.inheritance.Payment;
import io.athanor.orm.model.inheritance.Payment_;
import io.athanor.orm.model.inheritance.Shop;
import io.athanor.orm.model.inheritance.WirePayment;
import io.athanor.orm.model.lifecycle.Journal;
import io.athanor.orm.model.lifecycle.Journal_;
import io.athanor.orm.model.lifecycle.Page;
import io.athanor.orm.model.lifecycle.Page_;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code PostLoad} runs once the instance is loaded with its eager state, as JPA runs it: after the query's loaders
 * have attached what they load (joined from the same rows, or by a select-in or subquery statement), per query in
 * row order; {@code refresh} runs it on the instance refreshed, not on a copy; a subclass's callbacks run for its
 * rows read by a query of the root.
 */
class PostLoadAfterLoadersTest {

    /** Notes, for each instance a row was read into, what its relationships held when PostLoad ran. */
    public static final class Observer {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        final List<Object> instances = Collections.synchronizedList(new ArrayList<>());

        @PostLoad
        void loaded(Object entity) {
            instances.add(entity);
            if (entity instanceof Journal j) {
                seen.add("Journal " + j.title + " pages " + (Athanor.isLoaded(j, Journal_.pages) ? j.getPages().size() : "not loaded"));
            } else if (entity instanceof Page p) {
                seen.add("Page " + p.number + " journal " + (Athanor.isLoaded(p, Page_.journal) && p.getJournal() != null
                        ? p.getJournal().title : "not loaded"));
            }
        }
    }

    /** A factory-wide listener for card payments only: not a callback of the root. */
    public static final class CardObserver {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @PostLoad
        void loaded(CardPayment card) {
            seen.add(card.getCardNumber());
        }
    }

    private static SessionFactory journals(Engine engine, Observer observer) {
        SessionFactory f = SessionFactory.builder(engine).entities(Journal.class, Page.class)
                .nPlusOne(io.athanor.orm.NPlusOne.OFF).entityListener(observer).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Journal a = new Journal("Alpha");
            a.page(1);
            a.page(2);
            Journal b = new Journal("Beta");
            b.page(3);
            s.add(a);
            s.add(b);
        });
        observer.seen.clear();
        observer.instances.clear();
        return f;
    }

    @DatabaseTest
    void postLoadSeesTheCollectionsOfItsQueryLoadedByEveryStrategy(Engine engine) {
        Observer observer = new Observer();
        SessionFactory f = journals(engine, observer);
        for (Load load : List.of(joinedLoad(Journal_.pages), selectinLoad(Journal_.pages), subqueryLoad(Journal_.pages))) {
            observer.seen.clear();
            try (Session s = f.open()) {
                s.select(Journal.class).options(load).orderBy(Journal_.title).list();
            }
            assertThat(observer.seen).as(load.toString()).filteredOn(x -> x.startsWith("Journal"))
                    .containsExactly("Journal Alpha pages 2", "Journal Beta pages 1");
            assertThat(observer.seen).as("each page holds its journal when its PostLoad runs, %s", load)
                    .filteredOn(x -> x.startsWith("Page"))
                    .containsExactlyInAnyOrder("Page 1 journal Alpha", "Page 2 journal Alpha", "Page 3 journal Beta");
        }
        observer.seen.clear();
        try (Session s = f.open()) {
            s.select(Journal.class).orderBy(Journal_.title).list();
        }
        assertThat(observer.seen).as("a lazy collection is not loaded by the query")
                .containsExactly("Journal Alpha pages not loaded", "Journal Beta pages not loaded");
    }

    @DatabaseTest
    void postLoadSeesAToOneLoadedJoinedOrSelectInAndRunsInRowOrder(Engine engine) {
        Observer observer = new Observer();
        SessionFactory f = journals(engine, observer);
        for (Load load : List.of(joinedLoad(Page_.journal), selectinLoad(Page_.journal))) {
            observer.seen.clear();
            try (Session s = f.open()) {
                s.select(Page.class).options(load).orderBy(Page_.number.desc()).list();
            }
            assertThat(observer.seen).as(load.toString()).filteredOn(x -> x.startsWith("Page"))
                    .containsExactly("Page 3 journal Beta", "Page 2 journal Alpha", "Page 1 journal Alpha");
        }
    }

    @DatabaseTest
    void refreshRunsPostLoadOnTheRefreshedInstanceOnce(Engine engine) {
        Observer observer = new Observer();
        SessionFactory f = journals(engine, observer);
        try (Session s = f.open()) {
            Journal j = s.select(Journal.class).where(Journal_.title.eq("Alpha")).one();
            j.title = "changed in memory";
            observer.instances.clear();
            j.calls.clear();
            s.refresh(j);
            assertThat(j.title).isEqualTo("Alpha");
            assertThat(observer.instances).as("the listener saw the user's instance, and no copy").hasSize(1)
                    .allSatisfy(x -> assertThat(x).isSameAs(j));
            assertThat(j.calls).as("the entity's own callback ran on it once").containsExactly("PostLoad:" + j.id);
        }
    }

    @DatabaseTest
    void aSubclasssPostLoadRunsForItsRowsReadByAQueryOfTheRoot(Engine engine) {
        CardObserver cards = new CardObserver();
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Shop.class, io.athanor.orm.model.inheritance.Product.class, Payment.class, CardPayment.class,
                        WirePayment.class, InstantWire.class)
                .entityListener(cards).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Shop shop = new Shop("south");
            s.add(shop);
            s.add(new CardPayment(1, shop, "4111"));
            s.add(new WirePayment(2, shop, "DE01"));
            s.add(new CardPayment(3, shop, "5500"));
        });
        try (Session s = f.open()) {
            assertThat(s.select(Payment.class).orderBy(Payment_.amount).list()).hasSize(3);
        }
        assertThat(cards.seen).containsExactly("4111", "5500");
    }
}
