package io.athanor.orm.query;

/**
 * A to-one relationship compared with another FROM item of its target entity: {@code Category_.parent.eq(parentAlias)}
 * renders as the foreign key compared with that item's key ({@code categories.parent_id = parent.id}).
 */
final class ReferenceComparison extends Expression<Boolean> {
    private final Attribute<?, ?> relationship;
    private final String operator;
    private final Object target;

    ReferenceComparison(Attribute<?, ?> relationship, String operator, Object target) {
        this.relationship = java.util.Objects.requireNonNull(relationship, "relationship");
        this.operator = operator;
        this.target = java.util.Objects.requireNonNull(target, "alias");
    }

    @Override
    public Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    public void render(SqlBuilder b) {
        b.visit(relationship).sql(operator).referencedColumn(target, relationship);
    }
}
