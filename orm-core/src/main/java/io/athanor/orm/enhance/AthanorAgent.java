package io.athanor.orm.enhance;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java agent that enhances entity classes as they load, the load-time alternative to running
 * {@link EntityEnhancer} at build time: {@code java -javaagent:path/to/orm-core.jar -jar app.jar}.
 * Classes loaded before the agent starts are not changed. Thread-safe.
 */
public final class AthanorAgent {
    private static final Logger LOG = LoggerFactory.getLogger(AthanorAgent.class);

    private AthanorAgent() {
    }

    /** Called by the JVM for {@code -javaagent}: registers {@link #transformer()}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        instrumentation.addTransformer(transformer());
    }

    /**
     * The transformer the agent registers: rewrites entity classes and returns
     * {@code null} (no change) for every other class. A class it cannot read is logged and left as it is.
     */
    public static ClassFileTransformer transformer() {
        return new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                                    byte[] classFile) {
                if (className == null || className.startsWith("java/") || className.startsWith("jdk/")
                        || className.startsWith("sun/")) {
                    return null;
                }
                try {
                    byte[] enhanced = EntityEnhancer.enhance(classFile);
                    return enhanced == classFile ? null : enhanced;
                } catch (RuntimeException e) {
                    LOG.warn("Could not enhance {}; it loads unchanged", className, e);
                    return null;
                }
            }
        };
    }
}
