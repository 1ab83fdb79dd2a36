/**
 * The users and orders of workload 4 mapped a second time, in classes the build enhances
 * ({@code EntityEnhancer} at process-classes), to measure what enhancement costs when loading.
 */
package io.athanor.bench.athanor.enhanced;
