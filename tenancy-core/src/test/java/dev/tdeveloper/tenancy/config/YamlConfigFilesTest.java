package dev.tdeveloper.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigFilesTest {
  @Test
  void readsAnyFileIntoALocatedTreeWithTypedScalars(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("other.yaml"), "\uFEFFkeys:\n  maximumAge: 90d\n");

    Node root = YamlConfigFiles.parse(file.toString(), YamlConfigFiles.read(file)).orElseThrow();

    Node.MapNode keys = (Node.MapNode) ((Node.MapNode) root).values().get("keys");
    Node.ScalarNode age = (Node.ScalarNode) keys.values().get("maximumAge");
    assertThat(age.path()).isEqualTo("keys.maximumAge");
    assertThat(age.location()).isEqualTo(new ConfigLocation(file.toString(), 2, 15));
    assertThat(age.value().asDuration()).contains(Duration.ofDays(90));
    assertThat(age.value().asLong()).isEmpty();
    assertThat(keys.childPath("x")).isEqualTo("keys.x");
  }

  @Test
  void anEmptyDocumentIsEmptyAndHostileInputIsRefusedAsForTenantsYaml() {
    assertThat(YamlConfigFiles.parse("a.yaml", "# only a comment\n")).isEmpty();
    assertThatThrownBy(() -> YamlConfigFiles.parse("a.yaml", "a: &x 1\nb: *x\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("a.yaml:2:4: b: aliases");
    assertThatThrownBy(() -> YamlConfigFiles.parse("a.yaml", new byte[] {'a', ':', (byte) 0xff}))
        .isInstanceOf(ConfigException.class)
        .hasMessage("a.yaml: the file is not valid UTF-8");
    assertThatThrownBy(
            () -> YamlConfigFiles.parse("a.yaml", "x".repeat(TenantConfigLoader.MAX_FILE_SIZE + 1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refused without parsing");
  }
}
