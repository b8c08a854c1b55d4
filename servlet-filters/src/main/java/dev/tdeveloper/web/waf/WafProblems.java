package dev.tdeveloper.web.waf;

import dev.tdeveloper.security.waf.Interruption;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.web.problem.ProblemDetails;
import java.net.URI;
import java.util.List;

/** The RFC 9457 problems a {@link WafFilter} answers an interruption with. */
enum WafProblems {
  REQUEST_BLOCKED("request-blocked", "Request blocked", "the web application firewall refused"),
  REQUEST_TOO_LARGE(
      "request-too-large",
      "Request body too large",
      "the request body is larger than the web application firewall accepts; it refused"),
  RESPONSE_BLOCKED(
      "response-blocked",
      "Response blocked",
      "the web application firewall withheld the response to");

  private final URI type;
  private final String title;
  private final String detail;

  WafProblems(String slug, String title, String detail) {
    this.type = ProblemDetails.typeOf(slug);
    this.title = title;
    this.detail = detail;
  }

  /** Returns the problem type URI. */
  URI type() {
    return type;
  }

  /** Returns the problem kind of {@code interruption}. */
  static WafProblems of(Interruption interruption) {
    if (interruption.phase() >= 3) {
      return RESPONSE_BLOCKED;
    }
    return interruption.ruleId() == 0 && interruption.status() == 413
        ? REQUEST_TOO_LARGE
        : REQUEST_BLOCKED;
  }

  /**
   * Returns the problem for {@code interruption}, with the request id; rule ids only when {@code
   * exposeRules}, since they tell an attacker which signature to evade.
   *
   * @param status the status to answer with, 400-599
   */
  ProblemDetails problem(
      Interruption interruption,
      int status,
      String requestId,
      boolean exposeRules,
      List<WafMatch> matches) {
    ProblemDetails p =
        ProblemDetails.of(type, title, status)
            .withDetail(detail + " this request; quote request id " + requestId + " for support")
            .withExtension("requestId", requestId);
    if (exposeRules) {
      p =
          p.withExtension("ruleId", interruption.ruleId())
              .withExtension(
                  "matchedRuleIds",
                  matches.stream()
                      .filter(m -> !m.isError())
                      .map(WafMatch::ruleId)
                      .distinct()
                      .toList());
    }
    return p;
  }
}
