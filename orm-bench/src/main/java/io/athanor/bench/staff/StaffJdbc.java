package io.athanor.bench.staff;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.athanor.bench.BenchSettings;
import io.athanor.bench.staff.jdbc.Employee;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Hand-written JDBC on the staff schema over a HikariCP pool of {@link StaffDatabase#POOL_SIZE} connections. */
@State(Scope.Benchmark)
public class StaffJdbc {
    private static final String GRAPH = "select id, name, title, salary, grade, phone, email, version, city_id, superior_id "
            + "from employees";
    private static final String CITIES = "select id, name from cities";
    private static final String ONE = "select e.id, e.name, e.title, e.salary, e.grade, e.phone, e.email, e.version, c.id, "
            + "c.name from employees e join cities c on c.id = e.city_id where e.id = ?";
    private static final String FOR_UPDATE = "select salary, version from employees where id = ?";
    private static final String RAISE = "update employees set salary = ?, version = ? where id = ? and version = ?";
    private static final String ROWS = "select id, name, title, salary, grade, phone, email, version from employees "
            + "where id <= ? order by id";

    private HikariDataSource pool;
    private int employees;

    /** A pool of {@link StaffDatabase#POOL_SIZE} connections to the staff schema. */
    static HikariDataSource hikari(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(StaffDatabase.url());
        config.setUsername(BenchSettings.user());
        config.setPassword(BenchSettings.password());
        config.setMaximumPoolSize(StaffDatabase.POOL_SIZE);
        config.setMinimumIdle(StaffDatabase.POOL_SIZE);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** Starts the pool once the schema is seeded. */
    @Setup(Level.Trial)
    public void start(StaffDatabase database) {
        employees = database.employees;
        pool = hikari("staff-jdbc");
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void stop() {
        pool.close();
    }

    /**
     * Every employee with its city and superior as objects, the way a JDBC programmer writes it: the cities in
     * one query, the employees in another, superiors resolved through a map by key (no self-join needed).
     */
    public List<Employee> loadGraph() throws SQLException {
        try (Connection c = pool.getConnection()) {
            Map<Long, Employee.City> cities = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(CITIES); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cities.put(rs.getLong(1), new Employee.City(rs.getLong(1), rs.getString(2)));
                }
            }
            Map<Long, Employee> byId = new HashMap<>(employees * 2);
            List<Employee> out = new ArrayList<>(employees);
            c.setAutoCommit(false); // pgjdbc streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(GRAPH)) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Employee e = byId.computeIfAbsent(rs.getLong(1), Employee::new);
                        read(e, rs);
                        e.city = cities.get(rs.getLong(9));
                        long superior = rs.getLong(10);
                        if (!rs.wasNull()) {
                            e.superior = byId.computeIfAbsent(superior, Employee::new);
                        }
                        out.add(e);
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
            return out;
        }
    }

    private static void read(Employee e, ResultSet rs) throws SQLException {
        e.name = rs.getString(2);
        e.title = rs.getString(3);
        e.salary = rs.getInt(4);
        e.grade = rs.getInt(5);
        e.phone = rs.getString(6);
        e.email = rs.getString(7);
        e.version = rs.getInt(8);
    }

    /** As {@link StaffAthanor#mixed()}: a read by key joined to the city, or a version-checked raise in a transaction. */
    public Object mixed() throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = 1 + random.nextInt(employees);
        try (Connection c = pool.getConnection()) {
            if (random.nextInt(10) < 8) {
                try (PreparedStatement ps = c.prepareStatement(ONE)) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        Employee e = new Employee(rs.getLong(1));
                        read(e, rs);
                        e.city = new Employee.City(rs.getLong(9), rs.getString(10));
                        return e.city.name;
                    }
                }
            }
            c.setAutoCommit(false);
            try {
                int salary;
                int version;
                try (PreparedStatement ps = c.prepareStatement(FOR_UPDATE)) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        salary = rs.getInt(1);
                        version = rs.getInt(2);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(RAISE)) {
                    ps.setInt(1, salary + 1);
                    ps.setInt(2, version + 1);
                    ps.setLong(3, id);
                    ps.setInt(4, version);
                    ps.executeUpdate();
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
            return id;
        }
    }

    /**
     * Loads employees 1 to {@code rows}, changes a random subset of columns of each and writes them in one
     * transaction, version-checked: with {@code union} one statement setting every column any row changed
     * (one batch), otherwise one statement per set of changed columns (a batch each).
     */
    public int randomSubsetUpdate(int rows, long invocation, boolean union) throws SQLException {
        SplittableRandom random = Changes.random(invocation);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Employee> loaded = new ArrayList<>(rows);
                try (PreparedStatement ps = c.prepareStatement(ROWS)) {
                    ps.setLong(1, rows);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Employee e = new Employee(rs.getLong(1));
                            read(e, rs);
                            loaded.add(e);
                        }
                    }
                }
                Map<Integer, List<Employee>> byMask = new LinkedHashMap<>();
                int all = 0;
                for (Employee e : loaded) {
                    int mask = Changes.mask(random);
                    change(e, mask, invocation);
                    all |= mask;
                    byMask.computeIfAbsent(mask, k -> new ArrayList<>()).add(e);
                }
                int statements = 0;
                if (union) {
                    write(c, all, loaded);
                    statements = 1;
                } else {
                    for (Map.Entry<Integer, List<Employee>> shape : byMask.entrySet()) {
                        write(c, shape.getKey(), shape.getValue());
                        statements++;
                    }
                }
                c.commit();
                return statements;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void change(Employee e, int mask, long invocation) {
        if ((mask & 1) != 0) {
            e.name = Changes.name(invocation, e.id);
        }
        if ((mask & 2) != 0) {
            e.title = Changes.title(invocation);
        }
        if ((mask & 4) != 0) {
            e.salary = Changes.salary(invocation, e.id);
        }
        if ((mask & 8) != 0) {
            e.grade = Changes.grade(invocation);
        }
        if ((mask & 16) != 0) {
            e.phone = Changes.phone(invocation, e.id);
        }
        if ((mask & 32) != 0) {
            e.email = Changes.email(invocation, e.id);
        }
    }

    private static void write(Connection c, int mask, List<Employee> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("update employees set ");
        for (int bit = 0; bit < Changes.COLUMNS.length; bit++) {
            if ((mask & (1 << bit)) != 0) {
                sql.append(Changes.COLUMNS[bit]).append(" = ?, ");
            }
        }
        sql.append("version = ? where id = ? and version = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (Employee e : rows) {
                int p = 1;
                Object[] values = {e.name, e.title, e.salary, e.grade, e.phone, e.email};
                for (int bit = 0; bit < values.length; bit++) {
                    if ((mask & (1 << bit)) != 0) {
                        ps.setObject(p++, values[bit]);
                    }
                }
                ps.setInt(p++, e.version + 1);
                ps.setLong(p++, e.id);
                ps.setInt(p, e.version);
                ps.addBatch();
                e.version++;
            }
            for (int count : ps.executeBatch()) {
                if (count == 0) {
                    throw new IllegalStateException("A row changed under the benchmark: its version moved.");
                }
            }
        }
    }
}
