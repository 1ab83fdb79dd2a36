package io.athanor.orm.model.converted;

import io.athanor.orm.annotations.AttributeConverter;
import java.util.Date;

/** Stores a {@code Date} as its milliseconds since the epoch. */
public class DateMillis implements AttributeConverter<Date, Long> {
    @Override
    public Long toDatabase(Date date) {
        return date.getTime();
    }

    @Override
    public Date fromDatabase(Long millis) {
        return new Date(millis);
    }
}
