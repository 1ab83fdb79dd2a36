/**
 * Column types: the {@link io.athanor.orm.types.TypeRegistry} a session factory maps Java types with, and the
 * {@link io.athanor.orm.types.ValueType} SPI a new type implements.
 */
package io.athanor.orm.types;
