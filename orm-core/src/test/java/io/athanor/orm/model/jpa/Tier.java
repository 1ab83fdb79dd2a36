package io.athanor.orm.model.jpa;

/** Stored by name ({@code @Enumerated(EnumType.STRING)}). */
public enum Tier {
    BASIC, GOLD, PLATINUM
}
