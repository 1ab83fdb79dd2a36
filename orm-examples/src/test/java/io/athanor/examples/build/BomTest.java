package io.athanor.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * athanor-bom lists every published module of the build (a module with code whose deployment is not
 * skipped), at the project's version, and nothing else; a module added to the build fails this test
 * until it is added to the BOM or marked as not published.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomListsEveryPublishedModuleAtTheProjectVersion() throws Exception {
        Document parent = parse(ROOT.resolve("pom.xml"));
        List<String> published = new ArrayList<>();
        for (String module : texts(child(parent.getDocumentElement(), "modules"), "module")) {
            Path pom = ROOT.resolve(module).resolve("pom.xml");
            assertThat(pom).as("module %s of the root pom", module).exists();
            Element project = parse(pom).getDocumentElement();
            String packaging = text(project, "packaging", "jar");
            Element properties = child(project, "properties");
            boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip", "false"));
            if (packaging.equals("jar") && !skipped) {
                published.add(text(project, "artifactId", null));
            }
        }
        assertThat(published).contains("orm-annotations", "orm-pool", "orm-core", "orm-test")
                .doesNotContain("orm-examples", "orm-bench");

        Element bom = parse(ROOT.resolve("athanor-bom/pom.xml")).getDocumentElement();
        assertThat(text(bom, "version", null)).as("the BOM's version is the build's")
                .isEqualTo(text(parent.getDocumentElement(), "version", null));
        Map<String, String> listed = new TreeMap<>();
        Element managed = child(child(bom, "dependencyManagement"), "dependencies");
        NodeList dependencies = managed.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            assertThat(text(d, "groupId", null)).isEqualTo("io.athanor");
            listed.put(text(d, "artifactId", null), text(d, "version", null));
        }
        assertThat(listed.keySet()).as("add each published module to athanor-bom/pom.xml, or set maven.deploy.skip "
                + "in a module that is not published").containsExactlyInAnyOrderElementsOf(published);
        assertThat(listed.values()).allMatch("${project.version}"::equals);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String text(Element parent, String name, String otherwise) {
        Element e = child(parent, name);
        return e == null ? otherwise : e.getTextContent().trim();
    }

    private static List<String> texts(Element parent, String name) {
        List<String> values = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                values.add(n.getTextContent().trim());
            }
        }
        return values;
    }
}
