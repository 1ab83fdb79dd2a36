package io.athanor.orm.model.converted;

/** A mutable value without {@code equals}: two labels of the same text are not equal. */
public class Label {
    public String text;

    public Label(String text) {
        this.text = text;
    }
}
