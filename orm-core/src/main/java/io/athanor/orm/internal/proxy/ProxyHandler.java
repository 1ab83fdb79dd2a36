package io.athanor.orm.internal.proxy;

/** What a lazy reference does before any call on it other than its id getter: load its state, or refuse. */
public interface ProxyHandler {
    /** Loads the instance's state if it has not been loaded yet; throws if that is not possible. */
    void beforeCall();

    /** Whether the instance's state has been loaded. */
    boolean isLoaded();

    /**
     * What to serialise in place of {@code proxy}: a plain instance of the entity with its state, or an
     * exception when the state was never loaded.
     */
    Object serialForm(Object proxy) throws java.io.ObjectStreamException;
}
