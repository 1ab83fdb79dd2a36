package io.athanor.orm.internal.proxy;

/** Implemented by every generated proxy class: access to the handler held in the proxy's own field. */
public interface Proxied {
    ProxyHandler athanor$handler();

    void athanor$handler(ProxyHandler handler);
}
