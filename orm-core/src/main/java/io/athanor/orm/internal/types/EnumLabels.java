package io.athanor.orm.internal.types;

import io.athanor.orm.annotations.EnumLabel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The stored text of each constant of an enum: its {@link EnumLabel}, else its name. */
public final class EnumLabels {
    private EnumLabels() {
    }

    /**
     * The labels in declaration order.
     *
     * @throws IllegalArgumentException naming the enum when a label is empty or used twice
     */
    public static List<String> of(Class<?> enumType) {
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object c : enumType.getEnumConstants()) {
            String name = ((Enum<?>) c).name();
            EnumLabel label;
            try {
                label = enumType.getField(name).getAnnotation(EnumLabel.class);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            String text = label == null ? name : label.value();
            if (text.isEmpty() || !seen.add(text)) {
                throw new IllegalArgumentException("Enum " + enumType.getName() + " stores " + name + " as '" + text + "', which is "
                        + (text.isEmpty() ? "empty" : "the label of another constant") + "; give each constant a distinct, "
                        + "non-empty @EnumLabel.");
            }
            labels.add(text);
        }
        return labels;
    }

    /** The longest label's length. */
    static int longest(List<String> labels) {
        return labels.stream().mapToInt(String::length).max().orElse(0);
    }
}
