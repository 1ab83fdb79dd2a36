package io.athanor.orm.inheritance;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.joined.Doc;
import io.athanor.orm.model.joined.Folder;
import io.athanor.orm.model.joined.Invoice;
import io.athanor.orm.model.joined.Note;
import io.athanor.orm.model.joined.Reminder;
import io.athanor.orm.model.joined.Settlement;

/** The joined-inheritance tests' schema: folders of documents (notes, invoices, reminders) and settlements of invoices. */
final class JoinedFixture {
    private JoinedFixture() {
    }

    static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Folder.class, Doc.class, Note.class, Invoice.class, Reminder.class, Settlement.class)
                .build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** Folder "inbox" with a note "a", an invoice "b" (I-1, 100) and a reminder "c" (I-2, 200, level 2). */
    static void seed(SessionFactory f) {
        f.runInTransaction(s -> {
            Folder inbox = new Folder("inbox");
            s.add(inbox);
            s.add(new Note("a", inbox, "hello"));
            Invoice invoice = new Invoice("b", inbox, "I-1", 100);
            s.add(invoice);
            s.add(new Reminder("c", inbox, "I-2", 200, 2));
            s.add(new Settlement(60, invoice));
        });
    }
}
