package dev.tdeveloper.security.waf.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.EngineMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayOptionsTest {
  @TempDir Path dir;
  String rules;

  @BeforeEach
  void writeRules() throws IOException {
    Path file = dir.resolve("r.conf");
    Files.writeString(file, "SecRuleEngine On\n");
    rules = file.toString();
  }

  @Test
  void defaultsToTheDebianCrsAtParanoiaOne() {
    ReplayOptions o = ReplayOptions.parse(new String[0]);
    assertThat(o.crs()).isTrue();
    assertThat(o.crsDir()).isEqualTo(Path.of("/usr/share/modsecurity-crs"));
    assertThat(o.setupDir()).isEqualTo(Path.of("/etc/modsecurity/crs"));
    assertThat(o.rules()).isEmpty();
    assertThat(o.input()).isEmpty();
    assertThat(o.config().paranoiaLevel()).isEqualTo(1);
    assertThat(o.config().inboundThreshold()).isEqualTo(5);
    assertThat(o.config().mode()).isEmpty();
  }

  @Test
  void readsEveryOption() {
    ReplayOptions o =
        ReplayOptions.parse(
            new String[] {
              "--crs",
              "/c",
              "--setup",
              "/s",
              "--rules",
              rules,
              "--rules",
              rules,
              "--paranoia",
              "4",
              "--mode",
              "detectiononly",
              "--threshold",
              "10",
              rules
            });
    assertThat(o.crsDir()).isEqualTo(Path.of("/c"));
    assertThat(o.setupDir()).isEqualTo(Path.of("/s"));
    assertThat(o.rules()).containsExactly(Path.of(rules), Path.of(rules));
    assertThat(o.config().paranoiaLevel()).isEqualTo(4);
    assertThat(o.config().inboundThreshold()).isEqualTo(10);
    assertThat(o.config().mode()).contains(EngineMode.DETECTION_ONLY);
    assertThat(o.input()).contains(Path.of(rules));
  }

  @Test
  void aDashReadsStdin() {
    assertThat(ReplayOptions.parse(new String[] {"--mode", "On", "-"}).input())
        .isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus                       | --bogus: unknown option; allowed: --crs",
        "-x                            | -x: unknown option",
        "--crs                         | --crs: missing value",
        "--paranoia --mode On          | --paranoia: missing value",
        "--paranoia 5                  | --paranoia: 5; allowed: 1 to 4",
        "--paranoia zero               | --paranoia: zero; allowed: 1 to 4",
        "--threshold 0                 | --threshold: 0; allowed: >= 1",
        "--mode Off                    | --mode: Off; allowed: On, DetectionOnly",
        "--paranoia 2 --paranoia 3     | --paranoia: given twice; allowed: once",
        "--no-crs                      | --no-crs: no rules left; allowed: with --rules FILE",
        "--rules /no/such/file.conf    | --rules: /no/such/file.conf: no such file",
        "/no/such/input.jsonl          | FILE: /no/such/input.jsonl: no such file",
      })
  void refusesABadCommandLine(String args, String message) {
    assertThatThrownBy(() -> ReplayOptions.parse(args.split(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void refusesNoCrsWithACrsDirectory() {
    assertThatThrownBy(
            () -> ReplayOptions.parse(new String[] {"--no-crs", "--rules", rules, "--crs", "/c"}))
        .hasMessage("--no-crs: conflicts with --crs and --setup");
  }

  @Test
  void refusesTwoInputFiles() {
    assertThatThrownBy(() -> ReplayOptions.parse(new String[] {rules, rules}))
        .hasMessageContaining("a second input file; allowed: one FILE");
  }

  @Test
  void aBadOptionPrintsTheUsageAndExitsTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        WafReplay.run(
            new String[] {"--paranoia", "9"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(WafReplay.EXIT_USAGE);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "waf-replay: --paranoia: 9; allowed: 1 to 4\nusage: WafReplay [options] [FILE]");
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        WafReplay.run(
            new String[] {"--help"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("usage: WafReplay [options] [FILE]")
        .contains("--no-crs", "--rules FILE", "--paranoia N", "--mode MODE", "--threshold N");
  }
}
