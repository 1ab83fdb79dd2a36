package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.InvalidValueException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Parameters the driver would reject or alter are bound as what they mean, or refused before SQL naming the parameter. */
class ParameterValuesTest {

    @DatabaseTest
    void aZonedDateTimeBindsAsItsOffsetDateTime(Engine engine, DatabaseKind kind) {
        String type = kind == DatabaseKind.MARIADB ? "datetime(6)" : "timestamp with time zone";
        engine.runInTransaction(c -> c.execute(text("create table stamps (id int primary key, at " + type + ")")));
        try (Connection c = engine.connect()) {
            c.execute(text("insert into stamps (id, at) values (1, :at)"),
                    Params.of("at", OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC)));
            ZonedDateTime paris = ZonedDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
            assertThat(c.execute(text("select count(*) from stamps where at = :at"), Params.of("at", paris)).scalar(Long.class))
                    .isEqualTo(1L);
            c.rollback();
        }
    }

    @DatabaseTest
    void aStringWithAnUnpairedSurrogateIsRefusedBeforeSql(Engine engine) {
        try (Connection c = engine.connect(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThatThrownBy(() -> c.execute(text("select :s"), Params.of("s", "half \uD83D")))
                    .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Parameter :s holds an unpaired");
            assertThat(sql.statements()).isEmpty();
            assertThat(c.execute(text("select :s"), Params.of("s", "whole \uD83D\uDE80")).scalar(String.class))
                    .isEqualTo("whole \uD83D\uDE80");
        }
    }
}
