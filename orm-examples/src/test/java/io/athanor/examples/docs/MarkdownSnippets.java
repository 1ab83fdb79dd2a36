package io.athanor.examples.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a Markdown page that quote a source region: a fenced block preceded by the line
 * {@code <!-- snippet: path/from/repository/root#region -->}.
 */
final class MarkdownSnippets {
    private static final Pattern SNIPPET = Pattern.compile(
            "(?m)^<!-- snippet: ([^#\\s]+)#([\\w.-]+) -->\\n(```[\\w-]*\\n)(.*?)^```$", Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("<!-- snippet:");

    private MarkdownSnippets() {
    }

    /** A quoting block: the source it names, and where its body sits in the page. */
    record Block(String source, String region, String body, int bodyStart, int bodyEnd, int line) {
    }

    /**
     * Every quoting block of {@code page}.
     *
     * @throws IllegalArgumentException if a snippet marker is not directly followed by a fenced block
     */
    static List<Block> blocks(String page) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = SNIPPET.matcher(page);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2), m.group(4), m.start(4), m.end(4), lineOf(page, m.start())));
        }
        long markers = MARKER.matcher(page).results().count();
        if (markers != blocks.size()) {
            throw new IllegalArgumentException(markers + " snippet markers but " + blocks.size()
                    + " quoting blocks: each <!-- snippet: path#region --> line must be followed by a ``` block");
        }
        return blocks;
    }

    /** {@code page} with each block's body replaced by {@code bodies} (one per block, in order). */
    static String replaceBodies(String page, List<Block> blocks, List<String> bodies) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < blocks.size(); i++) {
            out.append(page, at, blocks.get(i).bodyStart()).append(bodies.get(i));
            at = blocks.get(i).bodyEnd();
        }
        return out.append(page.substring(at)).toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
