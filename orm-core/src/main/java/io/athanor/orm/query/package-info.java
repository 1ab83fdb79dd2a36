/**
 * The query language: typed attribute handles from the generated metamodel ({@code User_.name}),
 * and (as it grows) expressions and statements that compile per dialect.
 */
package io.athanor.orm.query;
