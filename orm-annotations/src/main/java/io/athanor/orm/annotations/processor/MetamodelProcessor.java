package io.athanor.orm.annotations.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Generates the metamodel of every {@code @Entity} and {@code @Embeddable} class {@code C}: a class
 * {@code C_} in the same package (for a nested class {@code Outer.Inner}, {@code Outer_Inner_}) with one
 * typed attribute handle from {@code io.athanor.orm.query} per mapped field, so queries name fields as
 * {@code User_.name} and a misspelt field is a compile error. Embedded values become nested path
 * objects: {@code User_.homeAddress.city} has the path {@code "homeAddress.city"}.
 *
 * <p>Classes annotated {@code jakarta.persistence.Entity} or {@code jakarta.persistence.Embeddable} get
 * their metamodel too: Jakarta Persistence's annotations are matched by name, as Athanor's of the same
 * simple name, so the API need not be on the processor's class path, and a field whose type is a Jakarta
 * {@code @Embeddable} is embedded without {@code @Embedded}, as JPA has it.
 *
 * <p>Mapped fields are the fields a class declares itself (inherited fields are not mapped) that are
 * not {@code static}, {@code transient} or {@code @Transient}.
 *
 * <p>Errors: mapping mistakes visible in the source (an entity without {@code @Id}, a final entity or
 * one without a no-argument constructor, a {@code mappedBy} that does not name the owning side, a
 * to-many field that is not a generic collection, an {@code @Embedded} field whose type is not
 * {@code @Embeddable}) are reported as compile errors on the class or field, and no metamodel is
 * written for that class. A class whose field types javac can't resolve yet is retried in the next
 * round. The processor never throws; an unexpected failure is reported as an error on the class. When
 * {@code io.athanor.orm.query} is not on the class path (a module holding only mapped domain classes),
 * the checks still run but no metamodel is written.
 *
 * <p>Option {@code -Aathanor.metamodel.checks=warning} reports mapping mistakes as warnings instead of
 * errors (still writing no metamodel for the faulty class); {@code note} reports them as notes, which
 * build tools show as information rather than as warnings. Both are for sources that hold deliberately
 * wrong mappings, such as tests of the runtime checks.
 *
 * <p>Found by javac through {@code META-INF/services/javax.annotation.processing.Processor}. Javac
 * calls a processor from one thread; an instance is not thread-safe and serves one compilation.
 */
public final class MetamodelProcessor extends AbstractProcessor {

    private static final String QUERY_API = "io.athanor.orm.query.Attribute";
    /** Processor option: {@code error} (the default), {@code warning} or {@code note}, for how mapping mistakes are reported. */
    static final String CHECKS_OPTION = "athanor.metamodel.checks";

    private final Set<String> inCompilation = new HashSet<>();
    private final Set<String> handled = new HashSet<>();
    private final Set<String> deferred = new LinkedHashSet<>();
    private MappingChecks checks;
    private MetamodelWriter writer;
    private boolean queryApiMissingReported;

    /** Creates the processor; javac calls this through the service loader. */
    public MetamodelProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        FieldClassifier classifier = new FieldClassifier();
        Elements elements = processingEnv.getElementUtils();
        checks = new MappingChecks(processingEnv.getMessager(), severity(processingEnv), elements, processingEnv.getTypeUtils(),
                classifier, inCompilation);
        writer = new MetamodelWriter(elements, processingEnv.getTypeUtils(), classifier);
    }

    private static Diagnostic.Kind severity(ProcessingEnvironment env) {
        String value = env.getOptions().getOrDefault(CHECKS_OPTION, "error");
        if (value.equalsIgnoreCase("warning")) {
            return Diagnostic.Kind.WARNING;
        }
        if (value.equalsIgnoreCase("note")) {
            return Diagnostic.Kind.NOTE;
        }
        if (!value.equalsIgnoreCase("error")) {
            env.getMessager().printMessage(Diagnostic.Kind.WARNING, "-A" + CHECKS_OPTION + "=" + value
                    + " is not understood; use 'error', 'warning' or 'note'. Reporting mapping mistakes as errors.");
        }
        return Diagnostic.Kind.ERROR;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(CHECKS_OPTION);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Mapping.ENTITY, Mapping.EMBEDDABLE, Mapping.JAKARTA_ENTITY, Mapping.JAKARTA_EMBEDDABLE);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /** Handles this round's annotated classes and those deferred from the last; never claims the annotations. */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        List<TypeElement> candidates = new ArrayList<>();
        try {
            Elements elements = processingEnv.getElementUtils();
            for (String name : deferred) {
                TypeElement type = elements.getTypeElement(name);
                if (type != null) {
                    candidates.add(type);
                }
            }
            deferred.clear();
            for (String annotation : getSupportedAnnotationTypes()) {
                TypeElement annotationType = elements.getTypeElement(annotation);
                if (annotationType == null) {
                    continue;
                }
                for (Element element : round.getElementsAnnotatedWith(annotationType)) {
                    if (element instanceof TypeElement type) {
                        candidates.add(type);
                        inCompilation.add(type.getQualifiedName().toString());
                    }
                }
            }
        } catch (RuntimeException e) {
            messager().printMessage(Diagnostic.Kind.ERROR, "Athanor's metamodel processor failed: " + e
                    + ". This is a bug in the processor; please report it.");
            return false;
        }
        for (TypeElement type : candidates) {
            handle(type, round.processingOver());
        }
        return false;
    }

    private void handle(TypeElement type, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        if (handled.contains(name)) {
            return;
        }
        try {
            if (hasUnresolvedTypes(type, new HashSet<>())) {
                // Perhaps another processor generates the missing class; if none does, javac reports it.
                if (!lastRound) {
                    deferred.add(name);
                }
                return;
            }
            handled.add(name);
            if (checks.check(type) && queryApiPresent(type)) {
                write(type);
            }
        } catch (RuntimeException e) {
            handled.add(name);
            messager().printMessage(Diagnostic.Kind.ERROR, "Athanor could not generate the metamodel of " + name
                    + ": " + e + ". This is a bug in the processor; please report it.", type);
        }
    }

    private boolean hasUnresolvedTypes(TypeElement type, Set<TypeElement> seen) {
        if (!seen.add(type)) {
            return false;
        }
        for (VariableElement field : Mapping.mappedFields(type)) {
            if (Mapping.isUnresolved(field.asType())) {
                return true;
            }
            TypeElement embedded = Mapping.isEmbedded(field) ? Mapping.typeElement(field.asType()) : null;
            if (embedded != null && hasUnresolvedTypes(embedded, seen)) {
                return true;
            }
        }
        return false;
    }

    private boolean queryApiPresent(TypeElement type) {
        if (processingEnv.getElementUtils().getTypeElement(QUERY_API) != null) {
            return true;
        }
        if (!queryApiMissingReported) {
            queryApiMissingReported = true;
            messager().printMessage(Diagnostic.Kind.NOTE, "Athanor writes no metamodel classes (such as "
                    + MetamodelWriter.metamodelName(type) + ") in this compilation: " + QUERY_API
                    + " is not on the class path. Add orm-core to the class path to have them generated.");
        }
        return false;
    }

    private void write(TypeElement type) {
        String qualified = writer.qualifiedMetamodelName(type);
        String source = writer.source(type);
        try (Writer out = processingEnv.getFiler().createSourceFile(qualified, type).openWriter()) {
            out.write(source);
        } catch (IOException e) {
            messager().printMessage(Diagnostic.Kind.ERROR, "Athanor could not write the metamodel " + qualified + " of "
                    + type.getQualifiedName() + ": " + e.getMessage()
                    + ". If a class of that name already exists, rename it; the name is reserved for the metamodel.", type);
        }
    }

    private Messager messager() {
        return processingEnv.getMessager();
    }
}
