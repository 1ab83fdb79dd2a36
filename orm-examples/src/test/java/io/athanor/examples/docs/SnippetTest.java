package io.athanor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the guide's code true: every Markdown code block marked {@code <!-- snippet: path#region -->}
 * must equal that region of the (compiled, tested) source file, so documentation cannot drift from the
 * code. To bring the pages up to date after changing a region, run
 * {@code mvn -pl orm-examples -am verify -Dsnippets.update=true -Dtest=SnippetTest -Dsurefire.failIfNoSpecifiedTests=false}
 * and review the diff.
 */
class SnippetTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final boolean UPDATE = Boolean.getBoolean("snippets.update");

    @Test
    void everyQuotedBlockEqualsItsSourceRegion() throws IOException {
        List<String> stale = new ArrayList<>();
        int quoted = 0;
        for (Path page : pages()) {
            String text = Files.readString(page);
            List<MarkdownSnippets.Block> blocks = MarkdownSnippets.blocks(text);
            List<String> current = new ArrayList<>();
            for (MarkdownSnippets.Block block : blocks) {
                String region = SourceRegions.region(ROOT.resolve(block.source()), block.region());
                current.add(region);
                if (!region.equals(block.body())) {
                    stale.add(ROOT.relativize(page) + ":" + block.line() + " quotes " + block.source() + "#" + block.region());
                }
            }
            quoted += blocks.size();
            if (UPDATE && !stale.isEmpty()) {
                Files.writeString(page, MarkdownSnippets.replaceBodies(text, blocks, current));
            }
        }
        assertThat(quoted).as("quoted blocks in the guide").isPositive();
        if (!UPDATE) {
            assertThat(stale).as("code blocks that no longer match their source (refresh them with -Dsnippets.update=true)")
                    .isEmpty();
        }
    }

    @Test
    void theReadmeLinksEveryPageOfTheGuide() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md"))
                    .forEach(p -> assertThat(readme).as("README links docs/%s", p.getFileName())
                            .contains("(docs/" + p.getFileName() + ")"));
        }
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
