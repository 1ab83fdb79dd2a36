/** Athanor: entities mapped with Athanor annotations, and the workloads through its sessions and engine. */
package io.athanor.bench.athanor;
