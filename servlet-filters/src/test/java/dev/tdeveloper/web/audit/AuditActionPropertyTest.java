package dev.tdeveloper.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The audit filter's table of standard methods answers what computing the action answers. */
class AuditActionPropertyTest {
  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "GET",
            "HEAD",
            "POST",
            "PUT",
            "DELETE",
            "PATCH",
            "OPTIONS",
            "TRACE",
            "CONNECT",
            "get",
            "Get",
            "PROPFIND",
            "M-SEARCH",
            "",
            "GET ",
            "G\u0130T"),
        Arbitraries.strings().withChars("GETPOSgetpos-1 \u0130").ofMaxLength(8));
  }

  @Property(tries = 1000)
  void theTableAnswersWhatTheComputationAnswers(@ForAll("methods") String method) {
    assertThat(AuditFilter.action(method)).isEqualTo(AuditFilter.computedAction(method));
  }

  @Example
  void standardAndOddMethods() {
    assertThat(AuditFilter.action("GET")).isEqualTo("http.get");
    assertThat(AuditFilter.action("M-SEARCH")).isEqualTo("http.m-search");
    assertThat(AuditFilter.action("GET /")).isEqualTo("http.other");
  }
}
