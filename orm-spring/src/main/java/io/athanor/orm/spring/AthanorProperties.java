package io.athanor.orm.spring;

import io.athanor.orm.NPlusOne;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code athanor.*} settings of the auto-configuration:
 *
 * <pre>
 * athanor.packages=com.example.model     # where to look for &#64;Entity classes (default: @EntityScan, else the application's package)
 * athanor.autoflush=false                # flush before each query
 * athanor.expire-on-commit=false         # expire every instance at commit
 * athanor.query-cache-size=500           # compiled statement shapes kept (0: off)
 * athanor.n-plus-one=warn                # warn or fail on N+1 lazy loads
 * athanor.echo=false                     # log every statement at INFO on io.athanor.orm.sql
 * athanor.hide-parameters=false          # keep values out of logs and messages
 * </pre>
 *
 * A mutable bean for Spring's binder: configure it at start-up, not afterwards.
 */
@ConfigurationProperties("athanor")
public class AthanorProperties {
    /**
     * Packages scanned, with their sub-packages, for entity classes. Empty: the packages of @EntityScan, else
     * the application's package.
     */
    private List<String> packages = new ArrayList<>();
    /** Whether sessions flush pending changes before each query. */
    private boolean autoflush;
    /** Whether a commit expires every instance of the session, so the next access reloads it. */
    private boolean expireOnCommit;
    /** How many compiled statement shapes the session factory keeps; 0 turns the cache off. */
    private int queryCacheSize = 500;
    /** What sessions do when lazy loads show an N+1 pattern: warn in the log, or fail. */
    private NPlusOne nPlusOne = NPlusOne.WARN;
    /** Whether the engine logs every statement at INFO on the io.athanor.orm.sql logger. */
    private boolean echo;
    /** Whether bound values are kept out of logs and exception messages. */
    private boolean hideParameters;

    /** The packages scanned (with their sub-packages) for {@code @Entity} classes; empty: see {@link AthanorAutoConfiguration}. */
    public List<String> getPackages() {
        return packages;
    }

    /** Sets the packages to scan for entities. */
    public void setPackages(List<String> packages) {
        this.packages = packages;
    }

    /** Whether sessions flush pending changes before each query (default false). */
    public boolean isAutoflush() {
        return autoflush;
    }

    /** Sets {@link #isAutoflush()}. */
    public void setAutoflush(boolean autoflush) {
        this.autoflush = autoflush;
    }

    /** Whether a commit expires every instance of the session (default false). */
    public boolean isExpireOnCommit() {
        return expireOnCommit;
    }

    /** Sets {@link #isExpireOnCommit()}. */
    public void setExpireOnCommit(boolean expireOnCommit) {
        this.expireOnCommit = expireOnCommit;
    }

    /** How many compiled statement shapes the factory keeps (default 500; 0 turns the cache off). */
    public int getQueryCacheSize() {
        return queryCacheSize;
    }

    /** Sets {@link #getQueryCacheSize()}. */
    public void setQueryCacheSize(int queryCacheSize) {
        this.queryCacheSize = queryCacheSize;
    }

    /** What sessions do on N+1 lazy loads (default {@link NPlusOne#WARN}). */
    public NPlusOne getNPlusOne() {
        return nPlusOne;
    }

    /** Sets {@link #getNPlusOne()}. */
    public void setNPlusOne(NPlusOne nPlusOne) {
        this.nPlusOne = nPlusOne;
    }

    /** Whether the engine logs each statement with its parameters (default false). */
    public boolean isEcho() {
        return echo;
    }

    /** Sets {@link #isEcho()}. */
    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    /** Whether values are kept out of logs and exception messages (default false). */
    public boolean isHideParameters() {
        return hideParameters;
    }

    /** Sets {@link #isHideParameters()}. */
    public void setHideParameters(boolean hideParameters) {
        this.hideParameters = hideParameters;
    }
}
