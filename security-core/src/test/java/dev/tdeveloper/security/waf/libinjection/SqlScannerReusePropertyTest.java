package dev.tdeveloper.security.waf.libinjection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link SqlInjection#detect(String)} reuses its thread's scanner: after any values, each value
 * must get what a fresh scanner gives it, SQL-like or not, attacks among them.
 */
class SqlScannerReusePropertyTest {
  private static final List<String> SAMPLES =
      List.of(
          "1' UNION SELECT username,password FROM users-- ",
          "admin'--",
          "1 OR 1=1",
          "\"a\" or \"b\"",
          "/*! select */ 1",
          "x'; DROP TABLE t; #",
          "text/html,application/xhtml+xml",
          "Mozilla/5.0 (X11; Linux x86_64)",
          "1e1 union(select 1)",
          "@@version");

  @Provide
  Arbitrary<List<String>> values() {
    Arbitrary<String> sqlish =
        Arbitraries.strings()
            .withChars("'\"-#/*();,=1aUNIOSELCT \\`@")
            .ofMinLength(1)
            .ofMaxLength(30);
    return Arbitraries.oneOf(
            Arbitraries.of(SAMPLES), sqlish, Arbitraries.strings().ofMinLength(1).ofMaxLength(20))
        .list()
        .ofMinSize(1)
        .ofMaxSize(20);
  }

  @Property(tries = 500)
  void aReusedScannerAnswersAsAFreshOne(@ForAll("values") List<String> values) {
    SqlScanner reused = new SqlScanner();
    for (String v : values) {
      assertThat(SqlInjection.detect(v, reused))
          .isEqualTo(SqlInjection.detect(v, new SqlScanner()))
          .isEqualTo(SqlInjection.detect(v));
    }
  }
}
