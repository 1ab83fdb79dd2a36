package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionListener;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.model.uow.Author;
import io.athanor.orm.model.uow.Book;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a session factory's listeners are told: sessions opened and closed, flush sizes, transactions. */
class SessionListenerTest {

    private static final class Recorder implements SessionListener {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void opened(Session session) {
            calls.add("opened");
        }

        @Override
        public void closed(Session session) {
            calls.add("closed");
        }

        @Override
        public void flushed(Session session, int entities) {
            calls.add("flushed " + entities);
        }

        @Override
        public void transactionBegun(Session session) {
            calls.add("begun");
        }

        @Override
        public void transactionEnded(Session session, boolean committed, Throwable failure) {
            calls.add((committed ? "committed" : "rolled back") + (failure == null ? "" : " by " + failure.getClass().getSimpleName()));
        }
    }

    @DatabaseTest
    void listenersAreToldOfSessionsFlushesAndTransactions(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        Recorder recorder = new Recorder();
        Registration registration = f.listen(recorder);

        try (Session s = f.open()) {
            s.add(new Author("a"));
            s.add(new Author("b"));
            s.commit();
        }
        assertThat(recorder.calls).containsExactly("opened", "begun", "flushed 2", "committed", "closed");

        recorder.calls.clear();
        try (Session s = f.open()) {
            s.add(new Author("a"));
            assertThatThrownBy(s::commit).isInstanceOf(DatabaseException.class);
        }
        assertThat(recorder.calls).containsExactly("opened", "begun", "rolled back by UniqueViolationException", "closed");

        recorder.calls.clear();
        try (Session s = f.open()) {
            s.begin();
            s.add(new Author("c"));
            s.flush();
        }
        assertThat(recorder.calls).containsExactly("opened", "begun", "flushed 1", "rolled back", "closed");

        registration.remove();
        recorder.calls.clear();
        f.open().close();
        assertThat(recorder.calls).isEmpty();
        assertThatThrownBy(() -> f.listen(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a SessionListener");
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void aListenerThatThrowsDoesNotBreakTheSession(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        Recorder after = new Recorder();
        try (Registration failing = f.listen(new SessionListener() {
                @Override
                public void flushed(Session session, int entities) {
                    throw new IllegalStateException("listener bug");
                }
            });
             Registration recording = f.listen(after)) {
            f.runInTransaction(s -> s.add(new Author("d")));
        }
        assertThat(after.calls).contains("flushed 1", "committed");
        try (Session s = f.open()) {
            assertThat(s.select(Author.class).count()).isEqualTo(1);
        }
    }
}
