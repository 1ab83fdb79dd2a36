package io.athanor.orm.internal.proxy;

/** What a lazy reference does before any call on it other than its id getter: load its state, or refuse. */
public interface ProxyHandler {
    /** Loads the instance's state if it has not been loaded yet; throws if that is not possible. */
    void beforeCall();

    /** Whether the instance's state has been loaded. */
    boolean isLoaded();
}
