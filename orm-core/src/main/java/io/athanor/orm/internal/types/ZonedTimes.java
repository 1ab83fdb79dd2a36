package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.SqlType.Kind;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * {@link ZonedDateTime} and {@link OffsetTime} columns. A ZonedDateTime keeps its instant, not its zone: it
 * is stored as a timestamp with time zone (in UTC where the database has none) and read back in UTC. An
 * OffsetTime keeps its offset where the database has a time with time zone (PostgreSQL {@code timetz}, H2);
 * elsewhere (MariaDB) it is stored as the same moment in UTC and read back with offset {@code Z}.
 */
final class ZonedTimes {
    private ZonedTimes() {
    }

    static ColumnType of(Class<?> t, String custom, Dialect dialect) {
        if (t == ZonedDateTime.class) {
            if (!dialect.hasTimestampWithTimeZone()) {
                return new ColumnTypes.Simple(ColumnTypes.sized(Kind.TIMESTAMP_TZ, custom),
                        (ps, i, v) -> ps.setObject(i, LocalDateTime.ofInstant(((ZonedDateTime) v).toInstant(), ZoneOffset.UTC)),
                        (rs, i) -> {
                            LocalDateTime l = rs.getObject(i, LocalDateTime.class);
                            return l == null ? null : l.atZone(ZoneOffset.UTC);
                        });
            }
            return new ColumnTypes.Simple(ColumnTypes.sized(Kind.TIMESTAMP_TZ, custom),
                    (ps, i, v) -> ps.setObject(i, ((ZonedDateTime) v).toOffsetDateTime()),
                    (rs, i) -> {
                        OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
                        return o == null ? null : o.atZoneSameInstant(ZoneOffset.UTC);
                    });
        }
        if (!dialect.hasTimestampWithTimeZone()) {
            return new ColumnTypes.Simple(ColumnTypes.sized(Kind.TIME_TZ, custom),
                    (ps, i, v) -> ps.setObject(i, ((OffsetTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()),
                    (rs, i) -> {
                        LocalTime l = rs.getObject(i, LocalTime.class);
                        return l == null ? null : l.atOffset(ZoneOffset.UTC);
                    });
        }
        return new ColumnTypes.Simple(ColumnTypes.sized(Kind.TIME_TZ, custom), (ps, i, v) -> ps.setObject(i, v),
                (rs, i) -> rs.getObject(i, OffsetTime.class));
    }

}
