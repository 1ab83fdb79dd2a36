package io.athanor.orm.spring;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Runs blocks in Spring transactions of each propagation, for the tests. */
@Component
public class Steps {

    @Transactional
    public <T> T required(Supplier<T> work) {
        return work.get();
    }

    @Transactional
    public void required(Runnable work) {
        work.run();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void requiresNew(Runnable work) {
        work.run();
    }

    @Transactional(propagation = Propagation.NESTED)
    public void nested(Runnable work) {
        work.run();
    }

    @Transactional(readOnly = true)
    public <T> T readOnly(Supplier<T> work) {
        return work.get();
    }
}
