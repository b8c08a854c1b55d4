package dev.tdeveloper.security.waf.operator;

import static dev.tdeveloper.security.waf.operator.Ops.eval;
import static dev.tdeveloper.security.waf.operator.Ops.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.CrsInstall;
import dev.tdeveloper.security.waf.WafException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PmOperatorTest {
  @TempDir Path dir;

  @Test
  void pmMatchesAnyPhraseCaseInsensitively() {
    Operator pm =
        op("pm", "document.cookie document.write .parentnode .innerhtml <!-- --> <![cdata[");
    assertThat(eval(pm, "x=1;Document.Cookie")).isTrue();
    assertThat(eval(pm, "a <![CDATA[ b")).isTrue();
    assertThat(eval(pm, "document cookie")).isFalse();
  }

  @Test
  void pmCapturesThePhraseAsWrittenIntoTx0() {
    RecordingContext ctx = RecordingContext.withCapture();
    assertThat(op("pm", "AppleWebKit Android").evaluate(ctx, "Mozilla applewebkit/537")).isTrue();
    assertThat(ctx.captures).containsExactly(java.util.Map.entry(0, "AppleWebKit"));
    RecordingContext quiet = new RecordingContext();
    op("pm", "AppleWebKit").evaluate(quiet, "applewebkit");
    assertThat(quiet.captures).isEmpty();
  }

  @Test
  void pmReadsHexSectionsEscapesAndEnclosingQuotes() {
    assertThat(PhraseOperators.parsePm("\"a b\"")).containsExactly("a", "b");
    assertThat(PhraseOperators.parsePm("|3c 73|cript x")).containsExactly("<script", "x");
    assertThat(PhraseOperators.parsePm("|00|a")).containsExactly("\u0000a");
    assertThat(PhraseOperators.parsePm("a\\;b c\\\\d")).containsExactly("a;b", "c\\d");
    assertThat(PhraseOperators.parsePm("  one\ttwo\n three "))
        .containsExactly("one", "two", "three");
    assertThat(eval(op("pm", "|3C|script"), "x<SCRIPT>")).isTrue();
  }

  @Test
  void pmRefusesEmptyAndMalformedParametersWithTheRuleLocation() {
    assertThatThrownBy(() -> op("pm", "  "))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith("rules.conf:7: @pm: no phrases; \"  \"; allowed: ");
    assertThatThrownBy(() -> op("pm", "|3g|"))
        .isInstanceOf(WafException.class)
        .hasMessageContaining("@pm: not a hex digit");
    assertThatThrownBy(() -> op("pm", "|3|")).hasMessageContaining("odd number of hex digits");
    assertThatThrownBy(() -> op("pm", "|41")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> op("pm", "a\\nb")).hasMessageContaining("unsupported escape \\n");
  }

  @Test
  void pmFromFileSkipsCommentsAndBlankLinesAndKeepsSpacesInsidePhrases() throws IOException {
    write("a.data", "# comment\n\n   \n  # indented comment\nCall to private \n SQL Server\r\n");
    Operator pmf = op("pmFromFile", "a.data", dir);
    assertThat(eval(pmf, "Call to private method")).isTrue();
    assertThat(eval(pmf, "call to privatemethod")).isFalse();
    assertThat(eval(pmf, "Microsoft SQL Server")).isTrue();
    assertThat(eval(pmf, "MicrosoftSQL Server")).isFalse();
    assertThat(eval(pmf, "comment")).isFalse();
    assertThat(eval(pmf, "   ")).isFalse();
  }

  @Test
  void pmFromFileReadsSeveralFilesAndTheAlias() throws IOException {
    write("one.data", "alpha\n");
    write("sub/two.data", "beta");
    Operator pmf = op("pmf", "one.data  sub/two.data", dir);
    assertThat(eval(pmf, "xBETAx")).isTrue();
    assertThat(eval(pmf, "xalphax")).isTrue();
    assertThat(eval(pmf, "gamma")).isFalse();
  }

  @Test
  void pmFromFileCapturesTheFilesPhrase() throws IOException {
    write("c.data", "/etc/passwd\n");
    RecordingContext ctx = RecordingContext.withCapture();
    assertThat(op("pmFromFile", "c.data", dir).evaluate(ctx, "/ETC/PASSWD")).isTrue();
    assertThat(ctx.captures.get(0)).isEqualTo("/etc/passwd");
  }

  @Test
  void pmFromFileNamesTheRuleAndThePathOfAMissingFile() {
    assertThatThrownBy(() -> op("pmFromFile", "missing.data", dir))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith("rules.conf:7: @pmFromFile: cannot read data file ")
        .hasMessageContaining(dir.resolve("missing.data").toString())
        .hasMessageContaining("\"missing.data\"");
    assertThatThrownBy(() -> op("pmFromFile", "https://example.com/x.data", dir))
        .hasMessageContaining("remote data files are not supported");
    assertThatThrownBy(() -> op("pmFromFile", "  ", dir)).hasMessageContaining("no data file");
  }

  @Test
  void pmFromFileOfOnlyCommentsNeverMatches() throws IOException {
    write("empty.data", "# nothing\n");
    assertThat(eval(op("pmFromFile", "empty.data", dir), "# nothing")).isFalse();
  }

  @Test
  void everyCrsDataFileLoadsAndMatchesItsOwnPhrases() throws IOException {
    Path rules = CrsInstall.rulesDir();
    List<Path> files;
    try (var stream = Files.list(rules)) {
      files = stream.filter(p -> p.toString().endsWith(".data")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(19);
    for (Path file : files) {
      OperatorEnv env = Ops.env(rules);
      List<String> phrases =
          PhraseOperators.fromLines(
              DataFiles.lines(env, "pmFromFile", file.getFileName().toString()));
      PhraseAutomaton automaton = PhraseAutomaton.build(phrases);
      for (String phrase : phrases) {
        assertThat(automaton.find("--" + phrase + "--")).as(file + ": " + phrase).isNotNegative();
      }
      assertThat(automaton.stateCount()).isLessThanOrEqualTo(totalLength(phrases) + 1);
    }
    Operator lfi = op("pmFromFile", "lfi-os-files.data", rules);
    assertThat(eval(lfi, "/index.php?file=../../etc/passwd")).isTrue();
    assertThat(eval(lfi, "/api/v1/notes?page=2&sort=title")).isFalse();
  }

  private static int totalLength(List<String> phrases) {
    int n = 0;
    for (String p : phrases) {
      n += p.length();
    }
    return n;
  }

  private void write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.ISO_8859_1);
  }
}
