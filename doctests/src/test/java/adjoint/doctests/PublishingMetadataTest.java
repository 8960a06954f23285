package adjoint.doctests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What {@code ./mvnw install} installs, and whether each of those poms carries what a public
 * repository such as Maven Central requires: name, description, url, licence, scm and
 * developers. Name and description are not inherited, so each module gives its own; the rest
 * comes from the parent, whose url and scm a module takes as they are (no module path
 * appended: one repository holds them all).
 */
class PublishingMetadataTest {

    /** The modules the README says {@code ./mvnw install} installs, besides the parent pom. */
    static final List<String> INSTALLED = List.of("core", "dsl", "property-tests", "spark");

    @Test
    void installInstallsWhatTheReadmeSaysAndNothingElse() throws Exception {
        Element parent = pom(Shell.ROOT.resolve("pom.xml"));
        List<String> installed = new ArrayList<>();
        for (Element module : children(child(parent, "modules"), "module")) {
            Element pom = pom(Shell.ROOT.resolve(module.getTextContent()).resolve("pom.xml"));
            Element properties = child(pom, "properties");
            boolean skipped = properties != null && child(properties, "maven.install.skip") != null
                    && child(properties, "maven.install.skip").getTextContent().equals("true");
            if (!skipped) {
                installed.add(module.getTextContent());
            }
        }
        assertThat(installed).as("the modules without maven.install.skip").containsExactlyElementsOf(INSTALLED);
        String readme = Files.readString(Shell.ROOT.resolve("README.md"));
        assertThat(readme).as("the README's install line names them")
                .contains("# into ~/.m2: the parent pom, adjoint-core, adjoint-dsl, adjoint-property-tests, adjoint-spark");
    }

    @Test
    void everyInstalledPomHasWhatAPublicRepositoryRequires() throws Exception {
        Element parent = pom(Shell.ROOT.resolve("pom.xml"));
        assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
        assertThat(text(parent, "url")).startsWith("https://");
        Element license = child(child(parent, "licenses"), "license");
        assertThat(text(license, "name")).isEqualTo("Apache-2.0");
        assertThat(text(license, "url")).startsWith("https://");
        assertThat(Shell.ROOT.resolve("LICENSE")).content().contains("Apache License").contains("Version 2.0, January 2004");
        Element scm = child(parent, "scm");
        assertThat(text(scm, "connection")).startsWith("scm:git:https://");
        assertThat(text(scm, "developerConnection")).startsWith("scm:git:");
        assertThat(text(scm, "url")).isEqualTo(text(parent, "url"));
        for (String attribute : List.of("connection", "developerConnection", "url")) {
            assertThat(scm.getAttribute("child.scm." + attribute + ".inherit.append.path")).isEqualTo("false");
        }
        Element developer = child(child(parent, "developers"), "developer");
        assertThat(text(developer, "name")).isNotBlank();
        for (Path pom : List.of(Shell.ROOT.resolve("pom.xml"), Shell.ROOT.resolve("core/pom.xml"),
                Shell.ROOT.resolve("dsl/pom.xml"), Shell.ROOT.resolve("property-tests/pom.xml"), Shell.ROOT.resolve("spark/pom.xml"))) {
            Element project = pom(pom);
            assertThat(text(project, "name")).as(pom + ": name").isNotBlank();
            assertThat(text(project, "description")).as(pom + ": description").hasSizeGreaterThan(20);
            for (String inherited : List.of("url", "licenses", "scm", "developers")) {
                if (!pom.equals(Shell.ROOT.resolve("pom.xml")) && child(project, inherited) != null) {
                    throw new AssertionError(pom + " sets its own " + inherited + "; the parent's is the one to publish");
                }
            }
        }
    }

    private static Element pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
        }
        return e.getTextContent().strip();
    }
}
