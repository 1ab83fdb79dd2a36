package io.athanor.bench.workload;

import io.athanor.bench.staff.StaffAthanor;
import io.athanor.bench.staff.StaffHibernate;
import io.athanor.bench.staff.StaffJdbc;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 10: a large entity graph read whole. Every employee ({@code -p employees=}, 400,000 by default)
 * with its required city and its optional superior (a self reference), as entities: Athanor with two joined
 * loads in a read-only session, Hibernate with two {@code join fetch} in a read-only session, JDBC with two
 * plain queries and the references resolved through maps.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@State(Scope.Benchmark)
public class EmployeeGraph {

    @Benchmark
    public Object jdbc(StaffJdbc impl) throws SQLException {
        return impl.loadGraph();
    }

    @Benchmark
    public Object athanor(StaffAthanor impl) {
        return impl.loadGraph();
    }

    @Benchmark
    public Object hibernate(StaffHibernate impl) {
        return impl.loadGraph();
    }
}
