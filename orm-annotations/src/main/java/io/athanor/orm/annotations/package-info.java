/**
 * Mapping annotations for Athanor entities ({@code @Entity}, {@code @Table}, {@code @Id}, relationships
 * and fetch modes). This module has no dependencies, so domain modules can carry mappings without
 * pulling in the ORM.
 */
package io.athanor.orm.annotations;
