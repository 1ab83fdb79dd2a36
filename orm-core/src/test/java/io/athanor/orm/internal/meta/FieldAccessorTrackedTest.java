package io.athanor.orm.internal.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.enhance.Tracked;
import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;

/**
 * A field written by Athanor itself is reported to the session exactly when the instance's class reports its
 * writes, whatever class the accessor met before: it remembers the last class, not the first.
 */
class FieldAccessorTrackedTest {
    static class Base {
        String name;
    }

    /** Stands for an enhanced subclass: counts the session's look-ups of its entry, which a reported write makes. */
    static final class Reporting extends Base implements Tracked {
        int lookedUp;

        @Override
        public Object athanor$entry() {
            lookedUp++;
            return null;
        }

        @Override
        public void athanor$entry(Object entry) {
        }
    }

    @Test
    void writesToInstancesOfAReportingClassAreReportedWhenClassesAlternate() throws Exception {
        FieldAccessor name = new FieldAccessor(Base.class.getDeclaredField("name"),
                MethodHandles.privateLookupIn(Base.class, MethodHandles.lookup()));
        Base plain = new Base();
        Reporting reporting = new Reporting();
        for (int i = 0; i < 5; i++) {
            name.set(plain, "p" + i);
            name.set(reporting, "r" + i);
            name.set(reporting, "r" + i + "'");
        }
        assertThat(plain.name).isEqualTo("p4");
        assertThat(reporting.name).isEqualTo("r4'");
        assertThat(reporting.lookedUp).as("writes reported").isEqualTo(10);
    }
}
