package io.athanor.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Named regions of source files, marked by comment lines {@code // tag::name[]} and
 * {@code // end::name[]}. A region's text is the lines between its markers, without marker lines of
 * other regions nested in it, and with the indentation they share removed.
 */
final class SourceRegions {
    private static final Pattern ANY_MARKER = Pattern.compile("^\\s*//\\s*(tag|end)::[\\w.-]+\\[\\]\\s*$");

    private SourceRegions() {
    }

    /**
     * The text of region {@code name} in {@code file}, lines joined with {@code \n}.
     *
     * @throws IllegalArgumentException if the file has no such region, or it is not closed
     */
    static String region(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read snippet source " + file, e);
        }
        Pattern start = Pattern.compile("^\\s*//\\s*tag::" + Pattern.quote(name) + "\\[\\]\\s*$");
        Pattern end = Pattern.compile("^\\s*//\\s*end::" + Pattern.quote(name) + "\\[\\]\\s*$");
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (from < 0 && start.matcher(lines.get(i)).matches()) {
                from = i + 1;
            } else if (from >= 0 && end.matcher(lines.get(i)).matches()) {
                return dedent(withoutMarkers(lines.subList(from, i)));
            }
        }
        throw new IllegalArgumentException(from < 0
                ? file + " has no region '" + name + "': mark it with // tag::" + name + "[] ... // end::" + name + "[]"
                : file + ": region '" + name + "' is not closed with // end::" + name + "[]");
    }

    private static List<String> withoutMarkers(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (!ANY_MARKER.matcher(line).matches()) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
