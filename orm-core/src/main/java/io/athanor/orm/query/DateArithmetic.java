package io.athanor.orm.query;

import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.dialect.MariaDbDialect;
import io.athanor.orm.error.AthanorException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;

/**
 * A date or timestamp moved by a {@link Period} and/or {@link Duration}, in Java's order (months, then days,
 * then time), rendered per dialect with the amounts bound:
 *
 * <ul>
 *   <li>PostgreSQL: {@code (x + make_interval(0, ?, 0, ?, 0, 0, ?))} (months, days, seconds); a date stays a date
 *       ({@code CAST(... AS date)}).</li>
 *   <li>H2: {@code DATEADD(MICROSECOND, ?, DATEADD(DAY, ?, DATEADD(MONTH, ?, x)))}.</li>
 *   <li>MariaDB: {@code DATE_ADD(DATE_ADD(DATE_ADD(x, INTERVAL ? MONTH), INTERVAL ? DAY), INTERVAL ? MICROSECOND)}.</li>
 * </ul>
 *
 * A date moves by whole days only (a Duration on a date is refused). Days are calendar days: on PostgreSQL a
 * {@code timestamp with time zone} moved by days keeps its wall-clock time across a DST change in the session's
 * time zone, as Java's {@code ZonedDateTime.plusDays} does.
 */
final class DateArithmetic<T> extends Expression<T> {
    private final Expression<T> operand;
    private final boolean date;
    private final Param<Integer> months;
    private final Param<Integer> days;
    private final long micros;

    private DateArithmetic(Expression<T> operand, boolean date, int months, int days, long micros) {
        this.operand = operand;
        this.date = date;
        this.months = Param.of(months, Integer.class);
        this.days = Param.of(days, Integer.class);
        this.micros = micros;
    }

    /**
     * {@code operand} plus (or, {@code negate}, minus) {@code amount}.
     *
     * @throws AthanorException if the operand is not a date or timestamp, or the amount is not a Period or Duration
     */
    static <T> DateArithmetic<T> of(Expression<T> operand, TemporalAmount amount, boolean negate, String call) {
        Class<?> type = operand.javaType();
        boolean date = type == LocalDate.class;
        boolean temporal = date || type == LocalDateTime.class || type == OffsetDateTime.class || type == Instant.class
                || type == ZonedDateTime.class || type == Object.class;
        if (!temporal) {
            throw new AthanorException(call + " moves a date or timestamp; " + operand + " is a " + type.getName()
                    + ". Use plus/minus for numbers.");
        }
        if (amount == null) {
            throw new AthanorException(call + " needs an amount: a java.time.Period or java.time.Duration.");
        }
        long months = 0;
        long days = 0;
        long micros = 0;
        if (amount instanceof Period) {
            Period p = (Period) amount;
            months = p.toTotalMonths();
            days = p.getDays();
        } else if (amount instanceof Duration) {
            Duration d = (Duration) amount;
            if (date) {
                if (d.toNanos() % 86_400_000_000_000L != 0) {
                    throw new AthanorException(call + ": " + operand + " is a date, which moves by whole days; " + d
                            + " is not. Use a Period (Period.ofDays(n)) or a timestamp.");
                }
                days = d.toDays();
            } else {
                if (d.getNano() % 1000 != 0) {
                    throw new AthanorException(call + ": " + d + " has nanoseconds; databases keep microseconds.");
                }
                micros = Math.multiplyExact(d.getSeconds(), 1_000_000L) + d.getNano() / 1000;
            }
        } else {
            throw new AthanorException(call + " takes a java.time.Period or java.time.Duration; got a "
                    + amount.getClass().getName() + ".");
        }
        if (negate) {
            months = -months;
            days = -days;
            micros = -micros;
        }
        return new DateArithmetic<>(operand, date, Math.toIntExact(months), Math.toIntExact(days), micros);
    }

    @Override
    public Class<?> javaType() {
        return operand.javaType();
    }

    @Override
    public void render(SqlBuilder b) {
        if (b.dialect() instanceof MariaDbDialect) {
            b.sql(date ? "DATE_ADD(DATE_ADD(" : "DATE_ADD(DATE_ADD(DATE_ADD(").visit(operand).sql(", INTERVAL ").visit(months)
                    .sql(" MONTH), INTERVAL ").visit(days).sql(" DAY)");
            if (!date) {
                b.sql(", INTERVAL ").visit(Param.of(micros, Long.class)).sql(" MICROSECOND)");
            }
        } else if (b.dialect() instanceof H2Dialect) {
            if (!date) {
                b.sql("DATEADD(MICROSECOND, ").visit(Param.of(micros, Long.class)).sql(", ");
            }
            b.sql("DATEADD(DAY, ").visit(days).sql(", DATEADD(MONTH, ").visit(months).sql(", ").visit(operand).sql("))");
            if (!date) {
                b.sql(")");
            }
        } else {
            b.sql(date ? "CAST((" : "(").visit(operand).sql(" + make_interval(0, ").visit(months).sql(", 0, ").visit(days)
                    .sql(", 0, 0, ").visit(Param.of(micros / 1_000_000.0, Double.class)).sql(date ? ")) AS date)" : "))");
        }
    }
}
