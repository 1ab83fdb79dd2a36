package io.athanor.orm.internal.state;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/** How a field value is compared with its snapshot value. */
public final class Values {
    private Values() {
    }

    /** Equal as column values: byte arrays by content, decimals by value (2.50 and 2.5 are the same). */
    public static boolean same(Object a, Object b) {
        if (a == b) {
            return true; // the common case after a write: the snapshot holds the field's own value
        }
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        if (a instanceof BigDecimal && b instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
        }
        return Objects.equals(a, b);
    }
}
