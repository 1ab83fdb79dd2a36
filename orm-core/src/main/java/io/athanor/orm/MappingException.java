package io.athanor.orm;

import io.athanor.orm.error.AthanorException;
import java.util.List;

/**
 * The entity mapping is invalid: a missing {@code @Id}, a {@code mappedBy} naming a field that does
 * not exist, an unsupported field type, a duplicate table... Thrown by
 * {@code SessionFactory.builder(...).build()}, listing every problem found, each naming the class, the
 * field and the fix.
 */
public class MappingException extends AthanorException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /** Creates the exception from one or more problem descriptions. */
    public MappingException(List<String> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    private static String render(List<String> problems) {
        if (problems.size() == 1) {
            return "Invalid mapping: " + problems.get(0);
        }
        StringBuilder b = new StringBuilder("Invalid mapping (" + problems.size() + " problems):");
        for (String p : problems) {
            b.append("\n  - ").append(p);
        }
        return b.toString();
    }

    /** Each problem found, one sentence or two each. */
    public List<String> problems() {
        return problems;
    }
}
