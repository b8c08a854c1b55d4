package dev.tdeveloper.security.waf.seclang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.WafException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Include and IncludeOptional: relative paths, globs in sorted order, optional files, cycles. */
class SecLangIncludeTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    return p;
  }

  private static List<Long> ids(RuleSet set) {
    return set.rules().stream()
        .filter(r -> r.id().isPresent())
        .map(r -> r.id().getAsLong())
        .toList();
  }

  @Test
  void relativeIncludeResolvesAgainstTheIncludingFilesDirectory() throws IOException {
    write("rules/b.conf", "SecAction \"id:2\"\n");
    write("rules/main.conf", "SecAction \"id:1\"\nInclude b.conf\nSecAction \"id:3\"\n");
    Path top = write("top.conf", "Include rules/main.conf\n");
    RuleSet set = new SecLangParser().parse(top);
    assertThat(ids(set)).containsExactly(1L, 2L, 3L);
    assertThat(set.rules().get(1).location())
        .isEqualTo(new Location(dir.resolve("rules/b.conf").toString(), 1));
    assertThat(set.rulesPerFile().values()).containsExactly(0, 2, 1);
  }

  @Test
  void globIncludesMatchingFilesInSortedOrder() throws IOException {
    write("r/20-b.conf", "SecAction \"id:20\"\n");
    write("r/10-a.conf", "SecAction \"id:10\"\n");
    write("r/30-c.data", "not rules\n");
    write("r/sub/40-d.conf", "SecAction \"id:40\"\n");
    RuleSet set =
        new SecLangParser().parse("Include \"r/*.conf\"\nInclude r/*/*.conf\n", "x.conf", dir);
    assertThat(ids(set)).containsExactly(10L, 20L, 40L);
  }

  @Test
  void includeOptionalOfAMissingFileOrEmptyGlobIsNothing() {
    RuleSet set =
        new SecLangParser()
            .parse("IncludeOptional missing.conf\nIncludeOptional none/*.conf\n", "x.conf", dir);
    assertThat(set.rules()).isEmpty();
  }

  @Test
  void includeOfAMissingFileOrEmptyGlobIsAnError() {
    assertThatThrownBy(() -> new SecLangParser().parse("\nInclude missing.conf\n", "x.conf", dir))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith("x.conf:2: missing.conf: no such file ")
        .hasMessageContaining("; allowed: ");
    assertThatThrownBy(() -> new SecLangParser().parse("Include none/*.conf\n", "x.conf", dir))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith("x.conf:1: none/*.conf: no file matches ");
  }

  @Test
  void includeCycleIsRefused() throws IOException {
    write("a.conf", "SecAction \"id:1\"\nInclude b.conf\n");
    Path b = write("b.conf", "Include a.conf\n");
    assertThatThrownBy(() -> new SecLangParser().parse(dir.resolve("a.conf")))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith(b + ":1: ")
        .hasMessageContaining("include cycle");
  }

  @Test
  void errorsInAnIncludedFileNameThatFile() throws IOException {
    Path bad = write("bad.conf", "\n\nSecAction \"id:1,nope\"\n");
    assertThatThrownBy(() -> new SecLangParser().parse("Include bad.conf\n", "x.conf", dir))
        .hasMessageStartingWith(bad + ":3: nope: unknown action");
  }

  @Test
  void missingTopLevelFileIsAnError() {
    assertThatThrownBy(() -> new SecLangParser().parse(dir.resolve("nothing.conf")))
        .isInstanceOf(WafException.class)
        .hasMessageContaining("nothing.conf: cannot read");
  }

  @Test
  void skipAfterMayNameAMarkerOfALaterFile() throws IOException {
    Path a = write("a.conf", "SecAction \"id:1,skipAfter:END\"\n");
    Path b = write("b.conf", "SecMarker END\n");
    assertThat(new SecLangParser().parse(List.of(a, b)).rules()).hasSize(2);
  }

  @Test
  void chainDoesNotContinueIntoAnIncludedFile() throws IOException {
    write("c.conf", "SecRule ARGS \"@rx b\" \"t:none\"\n");
    assertThatThrownBy(
            () ->
                new SecLangParser()
                    .parse(
                        "SecRule ARGS \"@rx a\" \"id:1,chain\"\nInclude c.conf\n", "x.conf", dir))
        .hasMessageStartingWith("x.conf:2: Include: the chain started at x.conf:1");
  }

  @Test
  void bytesAboveAsciiAreReadOneCharPerByte() throws IOException {
    Path p = dir.resolve("u.conf");
    Files.write(p, "SecRule ARGS \"@rx \u00e9\" \"id:1\"\n".getBytes(StandardCharsets.UTF_8));
    String param = new SecLangParser().parse(p).rules().get(0).operator().orElseThrow().param();
    assertThat(param).isEqualTo("\u00c3\u00a9");
  }
}
