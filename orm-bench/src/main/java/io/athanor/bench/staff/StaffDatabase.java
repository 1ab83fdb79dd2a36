package io.athanor.bench.staff;

import io.athanor.bench.BenchSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The staff schema of the large-graph, concurrency and random-update workloads, in its own schema
 * ({@value #SCHEMA}) so the other workloads' seeding does not pay for it: {@value #CITIES} cities and
 * {@code employees} employees (a JMH parameter: {@code -p employees=50000} for a quicker run), each with a
 * required city and, for nine in ten, a superior (the first employee of its block of ten). Every employee has
 * a version column, so updates are version-checked. Created and seeded once per trial.
 */
@State(Scope.Benchmark)
public class StaffDatabase {
    /** The schema these workloads own. */
    public static final String SCHEMA = "athanor_bench_staff";
    /** Rows in {@code cities}. */
    public static final int CITIES = 1_000;
    /** Connections in the pools of these workloads: enough for the eight-thread runs. */
    public static final int POOL_SIZE = 8;

    /** Rows in {@code employees}. */
    @Param({"400000"})
    public int employees;

    /** Drops the schema if present, creates it and seeds it. */
    @Setup(Level.Trial)
    public void seed() {
        run("drop schema if exists " + SCHEMA + " cascade",
                "create schema " + SCHEMA,
                "set search_path to " + SCHEMA,
                "create table cities (id bigint primary key, name varchar(50) not null)",
                """
                create table employees (
                    id bigint primary key,
                    name varchar(50) not null,
                    title varchar(50) not null,
                    salary integer not null,
                    grade integer not null,
                    phone varchar(20) not null,
                    email varchar(100) not null,
                    version integer not null,
                    city_id bigint not null,
                    superior_id bigint)""",
                "insert into cities (id, name) select i, 'city ' || i from generate_series(1, " + CITIES + ") i",
                "insert into employees (id, name, title, salary, grade, phone, email, version, city_id, superior_id) "
                        + "select i, 'employee ' || i, 'title ' || (i % 50), 1000 + i % 5000, i % 10, '555-' || i, "
                        + "'e' || i || '@example.com', 0, i % " + CITIES + " + 1, "
                        + "case when i % 10 = 1 then null else i - (i - 1) % 10 end "
                        + "from generate_series(1, " + employees + ") i",
                "alter table employees add foreign key (city_id) references cities (id)",
                "alter table employees add foreign key (superior_id) references employees (id)",
                "analyze");
    }

    /** The JDBC URL with the staff schema as the search path. */
    public static String url() {
        String base = BenchSettings.baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    private static void run(String... statements) {
        try (Connection c = DriverManager.getConnection(BenchSettings.baseUrl(), BenchSettings.user(), BenchSettings.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark database at " + BenchSettings.baseUrl() + ": " + e.getMessage(), e);
        }
    }
}
