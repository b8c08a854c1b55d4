package dev.tdeveloper.compliance.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCatalogTest {
  private static ControlCatalog load(String json) {
    return ControlCatalog.fromJson(
        new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)),
        "test.json");
  }

  private static InvalidCatalogException refused(String json) {
    try {
      load(json);
    } catch (InvalidCatalogException e) {
      return e;
    }
    assertThatThrownBy(() -> load(json)).isInstanceOf(InvalidCatalogException.class);
    throw new AssertionError("unreachable");
  }

  @Test
  void loadsAUserCatalogFromAFileWithSymmetricMappings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.json");
    Files.writeString(
        file,
        "{\"name\":\"mine\",\"version\":\"1\",\"controls\":["
            + "{\"framework\":\"SOC2\",\"id\":\"CC6.1\",\"category\":\"Access\",\"title\":\"Logical access\","
            + "\"mappings\":[\"A.8.24\"]},"
            + "{\"framework\":\"ISO27001\",\"id\":\"A.8.24\",\"category\":\"Tech\",\"title\":\"Crypto\"}]}");
    ControlCatalog c = ControlCatalog.fromJson(file);
    assertThat(c.name()).isEqualTo("mine");
    assertThat(c.get("A.8.24").mappedIds()).containsExactly("CC6.1");
  }

  @Test
  void idNotMatchingItsFrameworkIsNamedWithEntryAndField() {
    InvalidCatalogException e =
        refused(
            "{'name':'x','version':'1','controls':["
                + "{'framework':'SOC2','id':'CC6.10','category':'c','title':'t'},"
                + "{'framework':'ISO27001','id':'A.9.1','category':'c','title':'t'}]}");
    assertThat(e.problems())
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "controls[0] (id 'CC6.10'): field 'id' does not match the SOC2 pattern"))
        .anySatisfy(p -> assertThat(p).startsWith("controls[1] (id 'A.9.1'): field 'id'"));
  }

  @Test
  void unknownMappedIdAndSameFrameworkMappingAreRefused() {
    InvalidCatalogException e =
        refused(
            "{'name':'x','version':'1','controls':["
                + "{'framework':'SOC2','id':'CC6.1','category':'c','title':'t','mappings':['A.5.99','CC6.2']},"
                + "{'framework':'SOC2','id':'CC6.2','category':'c','title':'t'}]}");
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0)).contains("controls[0]", "field 'mappings'", "A.5.99");
    assertThat(e.problems().get(1)).contains("CC6.2", "same framework");
  }

  @Test
  void duplicateIdsAreRefusedNamingTheFirst() {
    InvalidCatalogException e =
        refused(
            "{'name':'x','version':'1','controls':["
                + "{'framework':'SOC2','id':'CC1.1','category':'c','title':'t'},"
                + "{'framework':'SOC2','id':'CC1.1','category':'c','title':'t2'}]}");
    assertThat(e.problems())
        .containsExactly("controls[1] (id 'CC1.1'): field 'id' duplicates controls[0]");
  }

  @Test
  void missingUnknownAndMistypedFieldsAreAllReported() {
    InvalidCatalogException e =
        refused(
            "{'name':'x','version':'1','controls':["
                + "{'framework':'SOX','id':'CC1.1','title':'t','mapping':[]}]}");
    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).contains("unknown field 'mapping'"))
        .anySatisfy(p -> assertThat(p).contains("field 'framework' is 'SOX'"))
        .anySatisfy(p -> assertThat(p).contains("field 'category' is required"));
    assertThat(e).hasMessageContaining("test.json");
  }

  @Test
  void malformedJsonAndDuplicateKeysAreRefused() {
    assertThat(refused("{'name':").problems().get(0)).startsWith("not valid JSON");
    assertThat(refused("{'name':'a','name':'b','version':'1','controls':[]}").problems().get(0))
        .contains("Duplicate field 'name'");
    assertThat(refused("[]").problems()).containsExactly("the root must be a JSON object");
  }
}
