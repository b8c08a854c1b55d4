package dev.tdeveloper.security.waf;

import dev.tdeveloper.security.waf.seclang.ActionRef;
import dev.tdeveloper.security.waf.seclang.RuleDef;
import dev.tdeveloper.security.waf.seclang.RuleSet;
import dev.tdeveloper.security.waf.seclang.VariableRef;
import java.util.List;
import java.util.Locale;

/**
 * Whether a rule set can read the response headers a connector feeds with {@link
 * WafTransaction#addResponseHeader}: the variables derived from them are {@code RESPONSE_HEADERS},
 * {@code RESPONSE_HEADERS_NAMES} and {@code RESPONSE_CONTENT_TYPE}. Conservative: any mention of
 * those names in a target, an operator parameter or an action value (a macro, a {@code ctl}, a
 * default action) counts, whatever it does. The OWASP CRS 3.3.4 mentions none. Stateless.
 */
final class ResponseHeaderUse {
  private static final List<String> NAMES = List.of("RESPONSE_HEADERS", "RESPONSE_CONTENT_TYPE");

  private ResponseHeaderUse() {}

  /** Whether any rule or default action of {@code set} mentions a response header variable. */
  static boolean reads(RuleSet set) {
    for (RuleDef rule : set.rules()) {
      for (RuleDef link = rule; link != null; link = link.chained().orElse(null)) {
        if (mentions(link)) {
          return true;
        }
      }
    }
    for (List<ActionRef> actions : set.defaultActions().values()) {
      if (actions.stream().anyMatch(a -> names(a.value()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentions(RuleDef link) {
    for (VariableRef v : link.variables()) {
      if (names(v.collection()) || v.key().map(ResponseHeaderUse::names).orElse(false)) {
        return true;
      }
    }
    if (link.operator().map(o -> names(o.param())).orElse(false)) {
      return true;
    }
    return link.actions().stream().anyMatch(a -> names(a.value()));
  }

  private static boolean names(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    for (String name : NAMES) {
      if (upper.contains(name)) {
        return true;
      }
    }
    return false;
  }
}
