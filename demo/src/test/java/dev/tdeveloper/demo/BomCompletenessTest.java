package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's check that the BOM lists exactly the published modules: a module is published unless
 * its pom sets the property {@code tdeveloper.published} to {@code false} (demo, benchmarks) or it
 * is a pom-packaged module (the BOM itself); the backend archetype is published but is no
 * dependency, so the BOM does not list it. Runs in the reactor's last published-consumer module so
 * it sees every pom.
 */
class BomCompletenessTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void bomListsEveryPublishedModuleAndNothingElse() throws Exception {
    Set<String> published = new TreeSet<>();
    for (String module : childTexts(parse(ROOT.resolve("pom.xml")), "modules", "module")) {
      Document pom = parse(ROOT.resolve(module).resolve("pom.xml"));
      Element project = pom.getDocumentElement();
      String packaging = directChildText(project, "packaging");
      String flag =
          childTexts(pom, "properties", "tdeveloper.published").stream().findFirst().orElse("true");
      // An archetype is published but is no dependency, so it is not managed by the BOM.
      if (!"pom".equals(packaging)
          && !"maven-archetype".equals(packaging)
          && !"false".equals(flag)) {
        published.add(directChildText(project, "artifactId"));
      }
    }
    Set<String> inBom =
        new TreeSet<>(childTexts(parse(ROOT.resolve("bom/pom.xml")), "dependencies", "artifactId"));

    assertThat(published).as("published modules found in the reactor").contains("tenancy-core");
    assertThat(inBom)
        .as("bom/pom.xml must list every published module (and only those)")
        .isEqualTo(published);
  }

  @Test
  void unpublishedModulesAndExamplesAreNeitherInstalledNorDeployed() throws Exception {
    List<Path> poms = new ArrayList<>();
    for (String module : childTexts(parse(ROOT.resolve("pom.xml")), "modules", "module")) {
      poms.add(ROOT.resolve(module).resolve("pom.xml"));
    }
    try (var examples = Files.list(ROOT.resolve("examples"))) {
      examples.map(dir -> dir.resolve("pom.xml")).filter(Files::exists).forEach(poms::add);
    }
    List<String> unpublished = new ArrayList<>();
    for (Path pom : poms) {
      Document doc = parse(pom);
      if (childTexts(doc, "properties", "tdeveloper.published").contains("false")) {
        unpublished.add(ROOT.relativize(pom).toString());
        assertThat(childTexts(doc, "properties", "maven.install.skip"))
            .as(pom + " must set maven.install.skip")
            .containsExactly("true");
        assertThat(childTexts(doc, "properties", "maven.deploy.skip"))
            .as(pom + " must set maven.deploy.skip")
            .containsExactly("true");
      }
    }
    assertThat(unpublished)
        .contains("demo/pom.xml", "benchmarks/pom.xml", "examples/nimbus-backend/pom.xml");
  }

  private static Document parse(Path pom) throws Exception {
    assertThat(pom).exists();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(pom)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  /** Texts of every {@code child} element under any {@code parent} element. */
  private static List<String> childTexts(Document doc, String parent, String child) {
    List<String> out = new ArrayList<>();
    NodeList parents = doc.getElementsByTagName(parent);
    for (int i = 0; i < parents.getLength(); i++) {
      NodeList children = ((Element) parents.item(i)).getElementsByTagName(child);
      for (int j = 0; j < children.getLength(); j++) {
        out.add(children.item(j).getTextContent().trim());
      }
    }
    return out;
  }

  private static String directChildText(Element element, String name) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return "";
  }
}
