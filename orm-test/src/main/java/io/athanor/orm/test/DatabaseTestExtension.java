package io.athanor.orm.test;

import io.athanor.orm.engine.Engine;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link DatabaseTest}: one invocation per database, and parameter
 * resolution of {@link TestDatabase} and {@link Engine}. Stateless; per-class databases live in the
 * class's extension store and are closed with it.
 */
public final class DatabaseTestExtension implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseTestExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, DatabaseTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        DatabaseTest annotation = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), DatabaseTest.class)
                .orElseThrow();
        return Arrays.stream(annotation.value()).distinct().map(Invocation::new);
    }

    /** The class-level database of {@code kind} for the test running in {@code context}. */
    static TestDatabase database(ExtensionContext context, DatabaseKind kind) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        String owner = classContext.getRequiredTestClass().getSimpleName();
        return classContext.getStore(NAMESPACE).computeIfAbsent(kind, k -> TestDatabase.create(kind, owner), TestDatabase.class);
    }

    private static final class Invocation implements TestTemplateInvocationContext {
        private final DatabaseKind kind;

        Invocation(DatabaseKind kind) {
            this.kind = kind;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.label() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
                    Class<?> type = parameter.getParameter().getType();
                    return type == TestDatabase.class || type == Engine.class || type == DatabaseKind.class;
                }

                @Override
                public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
                    Class<?> type = parameter.getParameter().getType();
                    if (type == DatabaseKind.class) {
                        return kind;
                    }
                    TestDatabase db = database(extension, kind);
                    return type == Engine.class ? db.engine() : db;
                }
            });
        }
    }
}
