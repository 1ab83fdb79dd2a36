package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.cast;
import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cast() takes type names only: anything else is refused where it is written, before any SQL exists. */
class CastTypeTest {
    private static final List<String> HOSTILE = List.of(
            "text), pg_sleep(2), (1",
            "text, (select string_agg(usename, chr(44)) from pg_user)",
            "int); drop table users; --",
            "int /* x */",
            "int -- x",
            "\"text\"",
            "text' || 'x",
            "int;",
            "varchar(20) collate \"C\"",
            "numeric(10, 2, 3)",
            "varchar(-1)",
            "varchar(99999999999)",
            "timestamp with time",
            "integer with time zone",
            "double precision precision",
            "int[",
            "1int",
            "schema.",
            "a.b.c",
            "text\u0000",
            "tëxt",
            "",
            "   ");

    private static String rendered(String type) {
        return cast(User_.id, type, String.class).toString();
    }

    @Test
    void typeNamesByTheGrammarAreWrittenWithSingleSpaces() {
        assertThat(rendered("varchar(20)")).endsWith(" AS varchar(20))");
        assertThat(rendered("numeric(10,2)")).endsWith(" AS numeric(10, 2))");
        assertThat(rendered("NUMERIC ( 10 , 2 )")).endsWith(" AS NUMERIC(10, 2))");
        assertThat(rendered("text[]")).endsWith(" AS text[])");
        assertThat(rendered("int[3][]")).endsWith(" AS int[3][])");
        assertThat(rendered("double   precision")).endsWith(" AS double precision)");
        assertThat(rendered("character varying(40)")).endsWith(" AS character varying(40))");
        assertThat(rendered("timestamp with time zone")).endsWith(" AS timestamp with time zone)");
        assertThat(rendered("timestamp(3) without time zone")).endsWith(" AS timestamp(3) without time zone)");
        assertThat(rendered("time(6) with time zone")).endsWith(" AS time(6) with time zone)");
        assertThat(rendered("public.citext")).endsWith(" AS public.citext)");
        assertThat(rendered("unsigned integer")).endsWith(" AS unsigned integer)");
        assertThat(rendered("signed")).endsWith(" AS signed)");
        assertThat(rendered("bit varying(8)")).endsWith(" AS bit varying(8))");
        assertThat(rendered("_int4")).endsWith(" AS _int4)");
    }

    @Test
    void anythingElseIsRefusedWithTheGrammar() {
        for (String type : HOSTILE) {
            assertThatThrownBy(() -> cast(User_.id, type, String.class))
                    .as(type)
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("is not a SQL type name")
                    .hasMessageContaining("varchar(20), numeric(10, 2)");
        }
        assertThatThrownBy(() -> cast(User_.id, null, String.class)).isInstanceOf(AthanorException.class)
                .hasMessageContaining("needs a SQL type name");
    }

    @Test
    void aLongRefusedTypeIsShortenedInTheMessage() {
        String longType = "x".repeat(10_000) + ";";
        assertThatThrownBy(() -> cast(User_.id, longType, String.class))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600).contains("(10001 characters)"));
    }

    @DatabaseTest
    void injectedTypesNeverReachTheDatabaseAndTypeNamesRun(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(User.class, Order.class, Article.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            for (String type : HOSTILE) {
                assertThatThrownBy(() -> s.select(cast(Order_.amount, type, String.class)).from(Order.class).list())
                        .as(type).isInstanceOf(AthanorException.class).hasMessageContaining("is not a SQL type name");
            }
            assertThat(sql.statements()).as("no statement ran for a refused cast").isEmpty();

            User u = new User("ada");
            s.add(u);
            s.flush();
            s.add(new Order("pen", new BigDecimal("12.25"), u.getId()));
            s.flush();
            BigDecimal rounded = s.select(cast(Order_.amount, "decimal(10, 1)", BigDecimal.class)).from(Order.class)
                    .scalar(BigDecimal.class);
            assertThat(rounded).isEqualByComparingTo("12.3");
            s.rollback();
        }
    }
}
