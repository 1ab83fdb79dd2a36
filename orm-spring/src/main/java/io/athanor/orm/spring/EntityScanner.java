package io.athanor.orm.spring;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.error.ConfigurationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds the classes annotated {@link Entity} in packages and their sub-packages, by reading class files
 * (Spring's {@link ClassPathScanningCandidateComponentProvider}: no class is loaded that is not an entity).
 * Stateless apart from its class loader; one scan at a time.
 */
public final class EntityScanner {
    private final ResourceLoader resources;
    private final Environment environment;

    /** A scanner that reads classes through {@code resources}' class loader. */
    public EntityScanner(ResourceLoader resources, Environment environment) {
        this.resources = resources;
        this.environment = environment;
    }

    /**
     * The entity classes of {@code packages}, in a stable order (by class name).
     *
     * @throws ConfigurationException if no package is given, or an entity class cannot be loaded
     */
    public List<Class<?>> scan(Collection<String> packages) {
        if (packages == null || packages.isEmpty()) {
            throw new ConfigurationException("No package to scan for @Entity classes: set athanor.packages (for example "
                    + "athanor.packages=com.example.model), annotate the application with @EntityScan, or define your own "
                    + "SessionFactory bean.");
        }
        ClassPathScanningCandidateComponentProvider provider = new ClassPathScanningCandidateComponentProvider(false, environment) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent(); // abstract entities (an inheritance root) too
            }
        };
        provider.setResourceLoader(resources);
        provider.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
        Set<String> names = new java.util.TreeSet<>();
        for (String pkg : new LinkedHashSet<>(packages)) {
            if (pkg == null || pkg.isBlank()) {
                throw new ConfigurationException("athanor.packages holds an empty package name; give package names such as "
                        + "com.example.model, separated by commas.");
            }
            for (BeanDefinition candidate : provider.findCandidateComponents(pkg.trim())) {
                names.add(candidate.getBeanClassName());
            }
        }
        List<Class<?>> types = new ArrayList<>(names.size());
        for (String name : names) {
            try {
                types.add(ClassUtils.forName(name, resources.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                ConfigurationException failure = new ConfigurationException("Entity class " + name + " was found by scanning "
                        + packages + " but could not be loaded: " + e + ". Check that it and the classes it uses are on the "
                        + "class path.");
                failure.initCause(e);
                throw failure;
            }
        }
        return types;
    }
}
