package io.athanor.orm.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.model.types.AllTypes;
import io.athanor.orm.model.types.AllTypes_;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.CollectionAttribute;
import io.athanor.orm.query.NumberAttribute;
import io.athanor.orm.query.ReferenceAttribute;
import io.athanor.orm.query.StringAttribute;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metamodel generated for the seed's entities, checked against the runtime mapping. */
class MetamodelTest {

    @Test
    void seedMetamodelIsTyped() {
        StringAttribute<User> name = User_.name;
        NumberAttribute<Order, BigDecimal> amount = Order_.amount;
        CollectionAttribute<User, Order> orders = User_.orders;
        ReferenceAttribute<Order, User> user = Order_.user;
        assertThat(name.path()).isEqualTo("name");
        assertThat(amount.javaType()).isEqualTo(BigDecimal.class);
        assertThat(orders.javaType()).isEqualTo(Order.class);
        assertThat(user.entityType()).isEqualTo(Order.class);
        assertThat(UserStats_.totalSpent.toString()).isEqualTo("UserStats.totalSpent");
        assertThat(AllTypes_.address.city.path()).isEqualTo("address.city");
    }

    @Test
    void everyGeneratedAttributeResolvesAgainstTheMapping() throws Exception {
        Metadata m = MetadataBuilder.build(List.of(User.class, Order.class, Article.class, UserStats.class, AllTypes.class),
                H2Dialect.INSTANCE);
        List<Attribute<?, ?>> attributes = new ArrayList<>();
        for (Class<?> meta : List.of(User_.class, Order_.class, Article_.class, UserStats_.class, AllTypes_.class)) {
            collect(meta, null, attributes);
        }
        assertThat(attributes).hasSizeGreaterThan(40);
        for (Attribute<?, ?> a : attributes) {
            if (a instanceof ReferenceAttribute || a instanceof CollectionAttribute) {
                assertThat(m.entity(a.entityType()).relationship(a.path())).as(a.toString()).isNotNull();
            } else {
                assertThat(m.entity(a.entityType()).property(a.path()).javaType()).as(a.toString()).isEqualTo(a.javaType());
            }
        }
    }

    private static void collect(Class<?> holder, Object instance, List<Attribute<?, ?>> out) throws IllegalAccessException {
        for (Field f : holder.getDeclaredFields()) {
            if (instance == null && !Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Object value = f.get(instance);
            if (value instanceof Attribute) {
                out.add((Attribute<?, ?>) value);
            } else if (value != null && value.getClass().getEnclosingClass() != null
                    && value.getClass().getEnclosingClass().getSimpleName().endsWith("_")) {
                collect(value.getClass(), value, out);
            }
        }
    }
}
