package dev.tdeveloper.tenancy.config;

import static dev.tdeveloper.tenancy.config.Yamls.loadError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken input is refused with a clear message, before it can cost much. */
class TenantConfigLoaderLimitsTest {
  private static final String BILLION_LAUGHS =
      """
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      """;

  @Test
  void refusesAnchorsAndAliasesSoAliasBombsCannotExpand() {
    assertThat(loadError(BILLION_LAUGHS))
        .hasMessage("tenants.yaml:1:4: a: anchors (&a) are not supported; write out the value");
    assertThat(loadError("plans: { free: {} }\ndefaults:\n  a: &x 1\n  b: *x\n"))
        .hasMessage(
            "tenants.yaml:4:6: defaults.b: aliases (*x) are not supported; write out the value");
  }

  @Test
  void refusesAFileOverOneMebibyteWithoutParsingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tenants.yaml");
    Files.writeString(file, "#".repeat(TenantConfigLoader.MAX_FILE_SIZE) + "\n");

    assertThatThrownBy(() -> TenantConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + ": the file is 1048577 bytes; the limit is 1048576 bytes (1 MiB), refused"
                + " without parsing");
  }

  @Test
  void refusesReaderInputOverTheLimit() {
    String text = "#".repeat(TenantConfigLoader.MAX_FILE_SIZE + 1);

    assertThatThrownBy(() -> TenantConfigLoader.load("big.yaml", new StringReader(text)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("big.yaml: the file is more than 1048576 characters");
  }

  @Test
  void acceptsAFileJustUnderTheLimit(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tenants.yaml");
    StringBuilder text = new StringBuilder("plans: { free: {} }\n");
    String comment = "# a comment line, long enough to fill the file in few iterations\n";
    while (text.length() + comment.length() <= TenantConfigLoader.MAX_FILE_SIZE) {
      text.append(comment);
    }
    text.append("#".repeat(TenantConfigLoader.MAX_FILE_SIZE - text.length() - 1)).append('\n');
    Files.writeString(file, text);

    assertThat(Files.size(file)).isEqualTo(TenantConfigLoader.MAX_FILE_SIZE);
    assertThat(TenantConfigLoader.load(file).plans()).containsExactly("free");
  }

  @Test
  void refusesDeepNesting() {
    StringBuilder yaml = new StringBuilder("plans: { free: {} }\ndefaults: ");
    yaml.append("{ a: ".repeat(40)).append("1").append(" }".repeat(40)).append('\n');

    assertThat(loadError(yaml.toString()))
        .hasMessageStartingWith("tenants.yaml:2:")
        .hasMessageContaining("nesting is deeper than 32 levels");
  }

  @Test
  void refusesInvalidUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tenants.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

    assertThatThrownBy(() -> TenantConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": the file is not valid UTF-8");
  }

  @Test
  void reportsAMissingFile(@TempDir Path dir) {
    Path file = dir.resolve("absent.yaml");

    assertThatThrownBy(() -> TenantConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cannot read " + file + ": NoSuchFileException: " + file);
  }
}
