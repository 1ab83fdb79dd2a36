/**
 * The compile-time metamodel generator: for every {@code @Entity} and {@code @Embeddable} class
 * {@code C} it writes {@code C_}, a class of typed attribute handles ({@code User_.name}), and reports
 * mapping mistakes it can see in the source (a missing {@code @Id}, a {@code mappedBy} that names no
 * field, ...) as compile errors.
 *
 * <p>Only {@link io.athanor.orm.annotations.processor.MetamodelProcessor} is public; javac finds it
 * through {@code META-INF/services/javax.annotation.processing.Processor}.
 */
package io.athanor.orm.annotations.processor;
