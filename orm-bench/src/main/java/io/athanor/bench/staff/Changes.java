package io.athanor.bench.staff;

import java.util.SplittableRandom;

/**
 * The random-subset update: for each row, a random non-empty subset of the six updatable columns (name,
 * title, salary, grade, phone, email) gets a new value. Values carry the invocation's number, so each one
 * differs from what any earlier invocation wrote; the subsets are the same for every implementation.
 */
public final class Changes {
    /** The updatable columns, in bit order. */
    public static final String[] COLUMNS = {"name", "title", "salary", "grade", "phone", "email"};

    private Changes() {
    }

    /** The random stream of invocation {@code invocation}: the same subsets for every implementation. */
    public static SplittableRandom random(long invocation) {
        return new SplittableRandom(invocation * 0x9E3779B97F4A7C15L);
    }

    /** A non-empty subset of the six columns, as bits. */
    public static int mask(SplittableRandom random) {
        return 1 + random.nextInt(63);
    }

    public static String name(long invocation, long id) {
        return "n" + invocation + "-" + id;
    }

    public static String title(long invocation) {
        return "t" + invocation;
    }

    public static int salary(long invocation, long id) {
        return (int) (100_000 + invocation * 7 + id % 1000);
    }

    public static int grade(long invocation) {
        return (int) (100 + invocation);
    }

    public static String phone(long invocation, long id) {
        return "p" + invocation + "-" + id;
    }

    public static String email(long invocation, long id) {
        return "m" + invocation + "-" + id + "@example.com";
    }
}
