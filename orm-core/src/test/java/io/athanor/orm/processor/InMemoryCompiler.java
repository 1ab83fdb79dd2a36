package io.athanor.orm.processor;

import io.athanor.orm.annotations.processor.MetamodelProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in strings with the system compiler and {@link MetamodelProcessor},
 * writing generated sources and classes under a directory. For tests; not thread-safe.
 */
final class InMemoryCompiler {

    private InMemoryCompiler() {
    }

    /**
     * Compiles {@code sources} (qualified class name → source text) with {@code -Xlint:all}.
     *
     * @param out an empty directory for generated sources ({@code out/src}) and classes ({@code out/classes})
     */
    static Result compile(Path out, Map<String, String> sources) {
        return compile(out, sources, List.of());
    }

    /** As {@link #compile(Path, Map)}, with extra javac options such as {@code -Akey=value}. */
    static Result compile(Path out, Map<String, String> sources, List<String> extraOptions) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path generated = out.resolve("src");
        Path classes = out.resolve("classes");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(generated);
            Files.createDirectories(classes);
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, text) -> units.add(new Source(name, text)));
            List<String> options = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"), "-Xlint:all"));
            options.addAll(extraOptions);
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, units);
            task.setProcessors(List.of(new MetamodelProcessor()));
            boolean success = task.call();
            return new Result(success, List.copyOf(diagnostics.getDiagnostics()), generated, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compilation unit held in a string. */
    static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** What a compilation produced. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generated, Path classes) {

        List<Diagnostic<? extends JavaFileObject>> errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        }

        /** Warnings about source files (not about the class path, which depends on how tests are run). */
        List<Diagnostic<? extends JavaFileObject>> sourceWarnings() {
            return diagnostics.stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .filter(d -> d.getSource() != null)
                    .toList();
        }

        /** The text of a generated source file. */
        String generatedSource(String className) {
            try {
                return Files.readString(generated.resolve(className.replace('.', '/') + ".java"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean generatedExists(String className) {
            return Files.exists(generated.resolve(className.replace('.', '/') + ".java"));
        }

        /** A loader for the compiled classes; its parent is the test's loader, which has orm-core. */
        URLClassLoader classLoader() {
            try {
                URL[] urls = {classes.toUri().toURL()};
                return new URLClassLoader(urls, InMemoryCompiler.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
