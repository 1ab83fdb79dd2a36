package io.athanor.bench.staff;

import static io.athanor.orm.query.Loads.joinedLoad;

import io.athanor.bench.BenchSettings;
import io.athanor.bench.staff.athanor.City;
import io.athanor.bench.staff.athanor.Employee;
import io.athanor.bench.staff.athanor.Employee_;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.engine.Engine;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Athanor on the staff schema: one engine of {@link StaffDatabase#POOL_SIZE} connections, a session per operation. */
@State(Scope.Benchmark)
public class StaffAthanor {
    private Engine engine;
    private SessionFactory sessions;
    private int employees;

    /** Builds the engine and the session factory once the schema is seeded. */
    @Setup(Level.Trial)
    public void start(StaffDatabase database) {
        employees = database.employees;
        engine = Engine.builder(StaffDatabase.url())
                .user(BenchSettings.user())
                .password(BenchSettings.password())
                .poolSize(StaffDatabase.POOL_SIZE)
                .maxOverflow(0)
                .build();
        sessions = SessionFactory.builder(engine).entities(City.class, Employee.class).build();
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    /** Every employee with its city and superior, two joined loads, in a read-only session. */
    public List<Employee> loadGraph() {
        try (Session s = sessions.open(SessionOptions.readOnly())) {
            return s.select(Employee.class).options(joinedLoad(Employee_.city), joinedLoad(Employee_.superior)).list();
        }
    }

    /** Eight in ten: one employee with its city (a joined load); two in ten: raise one salary and commit. */
    public Object mixed() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = 1 + random.nextInt(employees);
        try (Session s = sessions.open()) {
            if (random.nextInt(10) < 8) {
                return s.select(Employee.class).options(joinedLoad(Employee_.city)).where(Employee_.id.eq(id)).one()
                        .getCity().getName();
            }
            Employee e = s.get(Employee.class, id);
            e.setSalary(e.getSalary() + 1);
            try {
                s.commit();
            } catch (StaleObjectException concurrent) { // another thread changed the same row first
                s.rollback();
            }
            return e;
        }
    }

    /** Loads employees 1 to {@code rows}, changes a random subset of columns of each, commits. */
    public List<Employee> randomSubsetUpdate(int rows, long invocation) {
        SplittableRandom random = Changes.random(invocation);
        try (Session s = sessions.open()) {
            List<Employee> loaded = s.select(Employee.class).where(Employee_.id.le((long) rows)).orderBy(Employee_.id).list();
            for (Employee e : loaded) {
                int mask = Changes.mask(random);
                long id = e.getId();
                if ((mask & 1) != 0) {
                    e.setName(Changes.name(invocation, id));
                }
                if ((mask & 2) != 0) {
                    e.setTitle(Changes.title(invocation));
                }
                if ((mask & 4) != 0) {
                    e.setSalary(Changes.salary(invocation, id));
                }
                if ((mask & 8) != 0) {
                    e.setGrade(Changes.grade(invocation));
                }
                if ((mask & 16) != 0) {
                    e.setPhone(Changes.phone(invocation, id));
                }
                if ((mask & 32) != 0) {
                    e.setEmail(Changes.email(invocation, id));
                }
            }
            s.commit();
            return loaded;
        }
    }
}
