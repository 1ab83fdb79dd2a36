package io.athanor.orm.model.converted;

import io.athanor.orm.annotations.AttributeConverter;

/** Stores a {@link Label} as its text; a label without text as NULL. */
public class LabelText implements AttributeConverter<Label, String> {
    @Override
    public String toDatabase(Label label) {
        return label.text;
    }

    @Override
    public Label fromDatabase(String text) {
        return new Label(text);
    }
}
