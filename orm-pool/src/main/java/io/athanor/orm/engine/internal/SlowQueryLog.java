package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.AfterExecuteEvent;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs statements slower than a threshold on {@code io.athanor.orm.sql.slow}. */
final class SlowQueryLog implements Consumer<AfterExecuteEvent> {
    static final Logger LOG = LoggerFactory.getLogger("io.athanor.orm.sql.slow");

    private final long thresholdNanos;
    private final Duration threshold;
    private final ParameterFormat format;

    SlowQueryLog(Duration threshold, ParameterFormat format) {
        this.threshold = threshold;
        this.thresholdNanos = threshold.toNanos();
        this.format = format;
    }

    @Override
    public void accept(AfterExecuteEvent e) {
        if (e.elapsed().toNanos() > thresholdNanos && LOG.isWarnEnabled()) {
            LOG.warn("Slow statement ({} ms, threshold {} ms{}): {} {}", e.elapsed().toMillis(), threshold.toMillis(),
                    e.batch() ? ", batch of " + e.statement().batchSize() : "", MessageText.sql(e.sql()),
                    format.format(e.parameters()));
        }
    }

    @Override
    public String toString() {
        return "slowQueryLog(" + threshold + ")";
    }
}
