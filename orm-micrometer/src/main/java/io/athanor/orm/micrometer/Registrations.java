package io.athanor.orm.micrometer;

import io.athanor.orm.engine.Registration;
import java.util.ArrayList;
import java.util.List;

/** Several registrations removed as one, in reverse order, each once. */
final class Registrations implements Registration {
    private final List<Runnable> undo = new ArrayList<>();
    private boolean removed;

    synchronized void add(Runnable r) {
        undo.add(r);
    }

    @Override
    public synchronized void remove() {
        if (removed) {
            return;
        }
        removed = true;
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
    }
}
