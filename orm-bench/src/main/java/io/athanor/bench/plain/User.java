package io.athanor.bench.plain;

import java.util.ArrayList;
import java.util.List;

/** A user as hand-written JDBC and JDBI code fill it, with the orders the query attached. */
public final class User {
    public long id;
    public String name;
    public String email;
    public final List<Order> orders = new ArrayList<>();
}
