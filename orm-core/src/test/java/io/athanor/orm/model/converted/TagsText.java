package io.athanor.orm.model.converted;

import io.athanor.orm.annotations.AttributeConverter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Stores a list of tags as one comma-separated text; reads it back as a list that can be changed. */
public class TagsText implements AttributeConverter<List<String>, String> {
    @Override
    public String toDatabase(List<String> tags) {
        return String.join(",", tags);
    }

    @Override
    public List<String> fromDatabase(String text) {
        return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split(",")));
    }
}
