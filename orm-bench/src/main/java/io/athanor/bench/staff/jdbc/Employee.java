package io.athanor.bench.staff.jdbc;

/** An employee read by hand-written JDBC: its city and superior as objects, shared between rows. */
public final class Employee {
    public final long id;
    public String name;
    public String title;
    public int salary;
    public int grade;
    public String phone;
    public String email;
    public int version;
    public City city;
    public Employee superior;

    public Employee(long id) {
        this.id = id;
    }

    /** A city. */
    public static final class City {
        public final long id;
        public final String name;

        public City(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }
}
