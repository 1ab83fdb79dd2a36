package io.athanor.orm.annotations.processor;

/**
 * What a mapped field becomes in the metamodel: which attribute handle class of
 * {@code io.athanor.orm.query} represents it, or a nested path class for an embedded value.
 */
enum FieldKind {
    /** {@code String}: {@code StringAttribute<E>}. */
    STRING("StringAttribute"),
    /** Numbers, primitive or boxed, and {@code BigDecimal}/{@code BigInteger}: {@code NumberAttribute<E, N>}. */
    NUMBER("NumberAttribute"),
    /** Characters, dates and times, durations, UUIDs and enums: {@code ComparableAttribute<E, T>}. */
    COMPARABLE("ComparableAttribute"),
    /** Anything else stored in a column (booleans, {@code byte[]}, converted types): {@code Attribute<E, T>}. */
    BASIC("Attribute"),
    /** {@code @ManyToOne} and {@code @OneToOne}: {@code ReferenceAttribute<E, T>}. */
    REFERENCE("ReferenceAttribute"),
    /** {@code @OneToMany} and {@code @ManyToMany}: {@code CollectionAttribute<E, T>} of the element type. */
    COLLECTION("CollectionAttribute"),
    /** {@code @Embedded}: a nested class with one handle per field of the embeddable. */
    EMBEDDED(null);

    private final String handleClass;

    FieldKind(String handleClass) {
        this.handleClass = handleClass;
    }

    /** The qualified name of the handle class; not defined for {@link #EMBEDDED}. */
    String handleClass() {
        return "io.athanor.orm.query." + handleClass;
    }
}
