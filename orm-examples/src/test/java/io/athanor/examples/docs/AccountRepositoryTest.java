package io.athanor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.engine.Text;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.math.BigDecimal;

/** The testing guide's example of {@code @DatabaseTest}. */
// tag::database-test[]
class AccountRepositoryTest {

    @DatabaseTest                                     // runs on PostgreSQL, MariaDB and H2
    void transfersMoney(Engine engine) {
        AccountRepository accounts = new AccountRepository(engine);
        accounts.createTable();
        accounts.open(1, new BigDecimal("100.00"));
        accounts.open(2, BigDecimal.ZERO);
        accounts.transfer(1, 2, new BigDecimal("30.00"));
        assertThat(accounts.balance(1)).isEqualByComparingTo("70.00");
        assertThat(accounts.balance(2)).isEqualByComparingTo("30.00");
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)            // PostgreSQL only
    void usesJsonb(TestDatabase db) {
        try (Connection c = db.engine().connect()) {
            String currency = c.execute(Text.text("select (:account::jsonb) ->> 'currency'"),
                    Params.of("account", "{\"currency\": \"EUR\"}")).scalar(String.class);
            assertThat(currency).isEqualTo("EUR");
        }
    }
}
// end::database-test[]
