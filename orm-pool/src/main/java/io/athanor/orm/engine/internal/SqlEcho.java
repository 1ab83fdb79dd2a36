package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.BeforeExecuteEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's {@code echo}: each statement and its parameters at INFO on {@code io.athanor.orm.sql}. */
final class SqlEcho implements Consumer<BeforeExecuteEvent> {
    static final Logger LOG = LoggerFactory.getLogger("io.athanor.orm.sql");

    private final ParameterFormat format;

    SqlEcho(ParameterFormat format) {
        this.format = format;
    }

    @Override
    public void accept(BeforeExecuteEvent e) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        if (e.batch()) {
            LOG.info("{} [batch of {}, first row {}]", MessageText.sql(e.sql()), e.batchSize(), format.format(e.parameters()));
        } else {
            LOG.info("{} {}", MessageText.sql(e.sql()), format.format(e.parameters()));
        }
    }

    @Override
    public String toString() {
        return "echo";
    }
}
