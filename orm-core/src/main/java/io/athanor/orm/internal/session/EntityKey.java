package io.athanor.orm.internal.session;

/** An identity-map key: entity type and primary key value (a List for composite keys). */
record EntityKey(Class<?> type, Object id) {
}
