package io.athanor.bench.staff;

import com.zaxxer.hikari.HikariDataSource;
import io.athanor.bench.BenchSettings;
import io.athanor.bench.staff.hibernate.City;
import io.athanor.bench.staff.hibernate.Employee;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Hibernate on the staff schema, configured as {@link io.athanor.bench.hibernate.HibernateBench} is. */
@State(Scope.Benchmark)
public class StaffHibernate {
    private HikariDataSource pool;
    private SessionFactory factory;

    /** Boots Hibernate once the schema is seeded. */
    @Setup(Level.Trial)
    public void start(StaffDatabase database) {
        pool = StaffJdbc.hikari("staff-hibernate");
        Configuration cfg = new Configuration()
                .addAnnotatedClasses(City.class, Employee.class)
                .setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, BenchSettings.BATCH_SIZE)
                .setProperty(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
                .setProperty(AvailableSettings.USE_QUERY_CACHE, false)
                .setProperty(AvailableSettings.GENERATE_STATISTICS, false)
                .setProperty(AvailableSettings.SHOW_SQL, false)
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "none")
                .setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, false)
                // Employee_ is Athanor's metamodel (its processor reads jakarta @Entity too), not Hibernate's
                .setProperty(AvailableSettings.STATIC_METAMODEL_POPULATION, "disabled");
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        factory = cfg.buildSessionFactory();
    }

    /** Closes Hibernate and the pool. */
    @TearDown(Level.Trial)
    public void stop() {
        factory.close();
        pool.close();
    }

    /** Every employee with its city and superior: {@code join fetch} both, in a read-only session. */
    public List<Employee> loadGraph() {
        try (Session s = factory.openSession()) {
            s.setDefaultReadOnly(true);
            return s.createSelectionQuery("select e from HEmployee e join fetch e.city left join fetch e.superior",
                    Employee.class).getResultList();
        }
    }
}
