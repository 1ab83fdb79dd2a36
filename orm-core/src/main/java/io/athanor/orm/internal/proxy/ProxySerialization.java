package io.athanor.orm.internal.proxy;

import net.bytebuddy.implementation.bind.annotation.This;

/** The {@code writeReplace} of proxies of serialisable entities: serialise the state, not the proxy. */
public final class ProxySerialization {
    private ProxySerialization() {
    }

    /**
     * What to write instead of the proxy: its handler decides while it has one (an unloaded reference
     * refuses); a loaded proxy, which has let go of its handler, is written as a plain copy.
     */
    public static Object writeReplace(@This Proxied self) throws java.io.ObjectStreamException {
        ProxyHandler h = self.athanor$handler();
        if (h != null) {
            return h.serialForm(self);
        }
        Class<?> entity = self.getClass().getSuperclass();
        return ProxyFactory.plainCopy(self, entity, () -> ProxyFactory.newPlain(entity));
    }
}
