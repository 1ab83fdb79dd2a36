package io.athanor.orm.internal.proxy;

import net.bytebuddy.implementation.bind.annotation.This;

/** The code every intercepted proxy method runs before the entity's own method. */
public final class ProxyHook {
    private ProxyHook() {
    }

    /** Loads the proxy's state on first use; a proxy whose handler is gone is loaded already. */
    public static void before(@This Proxied self) {
        ProxyHandler h = self.athanor$handler();
        if (h != null) {
            h.beforeCall();
        }
    }
}
