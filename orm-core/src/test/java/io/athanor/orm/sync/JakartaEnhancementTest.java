package io.athanor.orm.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.enhance.AthanorAgent;
import io.athanor.orm.enhance.EntityEnhancer;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.util.Collection;
import org.junit.jupiter.api.Test;

/** The enhancer rewrites entities written the Jakarta Persistence way, as it does Athanor's own. */
class JakartaEnhancementTest {
    private static final String PACKAGE = "io.athanor.orm.model.jpa.";

    /** Defines the Jakarta model's classes through the agent's transformer, as the JVM would under -javaagent. */
    private static final class TransformingLoader extends ClassLoader {
        private final ClassFileTransformer transformer = AthanorAgent.transformer();

        TransformingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE) || name.endsWith("_")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] plain = in.readAllBytes();
                        byte[] changed = transformer.transform(this, name.replace('.', '/'), null, null, plain);
                        byte[] bytes = changed == null ? plain : changed;
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException | IllegalClassFormatException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }

    @Test
    void enhancedJakartaEntitiesKeepBothSidesInStep() throws Exception {
        ClassLoader loader = new TransformingLoader(getClass().getClassLoader());
        Class<?> customer = loader.loadClass(PACKAGE + "Customer");
        Class<?> tag = loader.loadClass(PACKAGE + "Tag");
        Class<?> order = loader.loadClass(PACKAGE + "PurchaseOrder");
        assertThat(EntityEnhancer.isEnhanced(customer)).isTrue();
        assertThat(EntityEnhancer.isEnhanced(tag)).isTrue();
        SessionFactory.builder(TestDatabase.create(DatabaseKind.H2, "jakarta_enhanced").engine())
                .entities(customer, tag, order, loader.loadClass(PACKAGE + "OrderLine"), loader.loadClass(PACKAGE + "Profile"))
                .build();

        Object ada = customer.getConstructor(String.class, String.class).newInstance("ada", "ada@example.org");
        Object vip = tag.getConstructor(String.class).newInstance("vip");
        collection(ada, "getTags").add(vip);
        assertThat(collection(vip, "getCustomers")).as("the inverse @ManyToMany, at once").containsExactly(ada);
    }

    @SuppressWarnings("unchecked")
    private static Collection<Object> collection(Object owner, String getter) throws ReflectiveOperationException {
        return (Collection<Object>) owner.getClass().getMethod(getter).invoke(owner);
    }
}
