package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.time.Duration;

/** Echo, the slow-query log and error messages show array parameters as their elements, unless values are hidden. */
class ArrayParametersTest {
    private static final Text FAILING = text("select * from no_such_table where a = :ids and b = :flags and c = :names");

    private static java.util.Map<String, Object> arrays() {
        return Params.of("ids", new Long[] {1L, 2L, 3L}, "flags", new int[] {4, 5}, "names", new String[][] {{"ada"}, {}});
    }

    @DatabaseTest
    void echoSlowQueryLogAndErrorsShowTheElements(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).echo(true));
        engine.events().slowQueryLog(Duration.ZERO);
        String shown = "[[1, 2, 3], [4, 5], [['ada'], []]]";
        try (LogCapture echo = new LogCapture("io.athanor.orm.sql"); LogCapture slow = new LogCapture("io.athanor.orm.sql.slow");
                Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(FAILING, arrays()))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("Parameters: " + shown);
            assertThat(echo.messages(Level.INFO)).contains("select * from no_such_table where a = ? and b = ? and c = ? " + shown);
            assertThat(slow.messages(Level.WARN)).singleElement().asString().endsWith(shown);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aJdbcArrayIsShownAsItsElements(TestDatabase db) throws java.sql.SQLException {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).echo(true));
        try (LogCapture echo = new LogCapture("io.athanor.orm.sql"); Connection c = engine.connect()) {
            java.sql.Array array = c.jdbc().createArrayOf("int8", new Long[] {7L, 8L});
            assertThat(c.execute(text("select cardinality(:ids) as n"), Params.of("ids", array)).scalar()).isEqualTo(2);
            assertThat(echo.messages(Level.INFO)).contains("select cardinality(?) as n [[7, 8]]");
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void hiddenParametersHideArraysToo(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).echo(true).hideParameters(true));
        try (LogCapture echo = new LogCapture("io.athanor.orm.sql"); Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(FAILING, arrays()))
                    .hasMessageContaining("[3 parameters hidden]")
                    .hasMessageNotContaining("ada");
            assertThat(echo.messages(Level.INFO)).singleElement().asString().endsWith("[3 parameters hidden]").doesNotContain("ada");
        }
    }
}
