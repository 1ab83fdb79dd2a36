package io.athanor.orm.model.types;

public enum Mood { CALM, CURIOUS, EXTRAORDINARILY_ENTHUSIASTIC }
