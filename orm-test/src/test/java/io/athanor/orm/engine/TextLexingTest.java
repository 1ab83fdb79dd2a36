package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;

/** text() reads strings, comments and casts as the database does, so parameters are found where the database sees them. */
class TextLexingTest {

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void anEscapeStringIsOneStringWithoutParameters(Engine engine) {
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("select E'it\\'s :x' as a")).scalar(String.class)).isEqualTo("it's :x");
            assertThat(c.execute(text("select e'a\\\\' || :x as a"), Params.of("x", "b")).scalar(String.class))
                    .isEqualTo("a\\b");
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void aBackslashInAStandardStringIsOrdinary(Engine engine) {
        try (Connection c = engine.connect()) {
            Row row = c.execute(text("select 'a\\' as a, :x as b"), Params.of("x", "bound")).rows().get(0);
            assertThat(row.get("a", String.class)).isEqualTo("a\\");
            assertThat(row.get("b", String.class)).isEqualTo("bound");
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void dollarQuotesCommentsAndCastsKeepTheirText(Engine engine) {
        try (Connection c = engine.connect()) {
            Row row = c.execute(text("select $q$ it's :no $q$ as a, -- :no '\n"
                    + "/* :no /* ' */ */ :n::int + 1 as b, $$:no$$::text as c"), Params.of("n", 41)).rows().get(0);
            assertThat(row.get("a", String.class)).isEqualTo(" it's :no ");
            assertThat(row.get("b", Integer.class)).isEqualTo(42);
            assertThat(row.get("c", String.class)).isEqualTo(":no");
        }
    }
}
