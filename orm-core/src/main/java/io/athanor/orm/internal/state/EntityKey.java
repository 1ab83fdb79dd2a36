package io.athanor.orm.internal.state;

/** An identity-map key: entity type and primary key value (a List for composite keys). */
public record EntityKey(Class<?> type, Object id) {
}
