package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.AfterExecuteEvent;
import io.athanor.orm.engine.BeforeExecuteEvent;
import io.athanor.orm.engine.CheckinEvent;
import io.athanor.orm.engine.CheckoutEvent;
import io.athanor.orm.engine.EngineEvents;
import io.athanor.orm.engine.Registration;
import io.athanor.orm.error.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy-on-write listener lists. The execute path reads one volatile snapshot; an empty snapshot is the
 * null object, so statements with no listeners skip timing and event allocation entirely.
 */
final class EventHub implements EngineEvents {
    static final Logger LOG = LoggerFactory.getLogger("io.athanor.orm.engine.events");

    private final ParameterFormat format;
    private volatile Listeners current = Listeners.NONE;
    /** Called once when the engine closes; guarded by this. */
    private final List<Runnable> closeListeners = new ArrayList<>();
    private boolean engineClosed;

    EventHub(ParameterFormat format) {
        this.format = format;
    }

    Listeners listeners() {
        return current;
    }

    @Override
    public Registration beforeExecute(Consumer<BeforeExecuteEvent> listener) {
        return add(Kind.BEFORE, listener);
    }

    @Override
    public Registration afterExecute(Consumer<AfterExecuteEvent> listener) {
        return add(Kind.AFTER, listener);
    }

    @Override
    public Registration onCheckout(Consumer<CheckoutEvent> listener) {
        return add(Kind.CHECKOUT, listener);
    }

    @Override
    public Registration onCheckin(Consumer<CheckinEvent> listener) {
        return add(Kind.CHECKIN, listener);
    }

    @Override
    public Registration onClose(Runnable listener) {
        if (listener == null) {
            throw new ConfigurationException("An event listener must not be null.");
        }
        synchronized (this) {
            if (!engineClosed) {
                closeListeners.add(listener);
                return new Registration() {
                    @Override
                    public void remove() {
                        synchronized (EventHub.this) {
                            closeListeners.remove(listener);
                        }
                    }

                    @Override
                    public String toString() {
                        return "CLOSE listener " + listener;
                    }
                };
            }
        }
        runClose(listener);
        return () -> { };
    }

    /** Calls the close listeners, once; from {@link DefaultEngine#close()}. */
    void fireClose() {
        List<Runnable> listeners;
        synchronized (this) {
            if (engineClosed) {
                return;
            }
            engineClosed = true;
            listeners = new ArrayList<>(closeListeners);
            closeListeners.clear();
        }
        for (Runnable listener : listeners) {
            runClose(listener);
        }
    }

    private static void runClose(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.warn("A close event listener ({}) threw; the engine is closed regardless. Fix the listener, or catch its "
                    + "errors inside it.", listener, e);
        }
    }

    @Override
    public Registration slowQueryLog(Duration threshold) {
        if (threshold == null || threshold.isNegative()) {
            throw new ConfigurationException("slowQueryLog needs a threshold of zero or more; it was " + threshold + ".");
        }
        return afterExecute(new SlowQueryLog(threshold, format));
    }

    private synchronized Registration add(Kind kind, Consumer<?> listener) {
        if (listener == null) {
            throw new ConfigurationException("An event listener must not be null.");
        }
        current = current.with(kind, listener);
        return new Registration() {
            @Override
            public void remove() {
                synchronized (EventHub.this) {
                    current = current.without(kind, listener);
                }
            }

            @Override
            public String toString() {
                return kind + " listener " + listener;
            }
        };
    }

    enum Kind { BEFORE, AFTER, CHECKOUT, CHECKIN }

    /** One immutable snapshot of all listeners. */
    static final class Listeners {
        static final Listeners NONE = new Listeners(new Consumer<?>[4][]);

        private final Consumer<?>[][] byKind;
        final boolean statements;
        final boolean checkout;
        final boolean checkin;

        private Listeners(Consumer<?>[][] byKind) {
            for (int i = 0; i < byKind.length; i++) {
                if (byKind[i] == null) {
                    byKind[i] = new Consumer<?>[0];
                }
            }
            this.byKind = byKind;
            this.statements = byKind[Kind.BEFORE.ordinal()].length + byKind[Kind.AFTER.ordinal()].length > 0;
            this.checkout = byKind[Kind.CHECKOUT.ordinal()].length > 0;
            this.checkin = byKind[Kind.CHECKIN.ordinal()].length > 0;
        }

        Listeners with(Kind kind, Consumer<?> listener) {
            Consumer<?>[][] copy = byKind.clone();
            Consumer<?>[] old = copy[kind.ordinal()];
            Consumer<?>[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = listener;
            copy[kind.ordinal()] = grown;
            return new Listeners(copy);
        }

        Listeners without(Kind kind, Consumer<?> listener) {
            Consumer<?>[] old = byKind[kind.ordinal()];
            for (int i = 0; i < old.length; i++) {
                if (old[i] == listener) {
                    Consumer<?>[][] copy = byKind.clone();
                    Consumer<?>[] shrunk = new Consumer<?>[old.length - 1];
                    System.arraycopy(old, 0, shrunk, 0, i);
                    System.arraycopy(old, i + 1, shrunk, i, old.length - i - 1);
                    copy[kind.ordinal()] = shrunk;
                    return new Listeners(copy);
                }
            }
            return this;
        }

        void fireBefore(BeforeExecuteEvent event) {
            fire(Kind.BEFORE, event);
        }

        /** In the reverse order of registration, so that before/after pairs nest like scopes. */
        @SuppressWarnings("unchecked")
        void fireAfter(AfterExecuteEvent event) {
            Consumer<?>[] after = byKind[Kind.AFTER.ordinal()];
            for (int i = after.length - 1; i >= 0; i--) {
                call(Kind.AFTER, (Consumer<AfterExecuteEvent>) after[i], event);
            }
        }

        void fireCheckout(CheckoutEvent event) {
            fire(Kind.CHECKOUT, event);
        }

        void fireCheckin(CheckinEvent event) {
            fire(Kind.CHECKIN, event);
        }

        @SuppressWarnings("unchecked")
        private <E> void fire(Kind kind, E event) {
            for (Consumer<?> listener : byKind[kind.ordinal()]) {
                call(kind, (Consumer<E>) listener, event);
            }
        }

        private static <E> void call(Kind kind, Consumer<E> listener, E event) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A {} event listener ({}) threw; the statement goes on regardless. Fix the listener, "
                        + "or catch its errors inside it.", kind.name().toLowerCase(java.util.Locale.ROOT), listener, e);
            }
        }
    }
}
