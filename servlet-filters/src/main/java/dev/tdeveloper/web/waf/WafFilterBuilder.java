package dev.tdeveloper.web.waf;

import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configures a {@link WafFilter}. The WAF is required; each single-valued setting may be set once
 * (a repeat is an {@link IllegalStateException}). Not thread-safe; the built filter is immutable.
 */
public final class WafFilterBuilder {
  private static final Function<HttpServletRequest, Optional<WafPolicy>> NO_POLICY =
      request -> Optional.empty();

  Waf waf;
  Function<HttpServletRequest, Optional<WafPolicy>> policies;
  long responseBodyLimit;
  boolean exposeRuleIds;
  private boolean exposeSet;
  ProblemWriter problemWriter;
  final List<EventListener<? super WafFilterEvent>> listeners = new ArrayList<>();

  WafFilterBuilder() {}

  /** Sets the WAF inspecting each request (required). */
  public WafFilterBuilder waf(Waf waf) {
    Objects.requireNonNull(waf, "waf");
    if (this.waf != null) {
      throw new IllegalStateException("waf was already set");
    }
    this.waf = waf;
    return this;
  }

  /**
   * Sets how a request's tenant policy (paranoia level, mode, exclusions) is found. It runs before
   * the application and usually before the tenant filter, so it should be cheap (for example a map
   * lookup on a header or host name). Empty means the WAF's own settings. Defaults to always empty.
   * The resolver must not return null; if it throws, the request goes on uninspected and {@link
   * WafFilterEvent.Failed} is published.
   */
  public WafFilterBuilder policyResolver(
      Function<HttpServletRequest, Optional<WafPolicy>> resolver) {
    Objects.requireNonNull(resolver, "resolver");
    if (this.policies != null) {
      throw new IllegalStateException("policyResolver was already set");
    }
    this.policies = resolver;
    return this;
  }

  /**
   * Sets how many response body bytes are held back for phase 4; defaults to the WAF's {@code
   * SecResponseBodyLimit}. What happens beyond it follows {@code SecResponseBodyLimitAction}. The
   * engine itself never inspects more than {@code SecResponseBodyLimit} bytes: a larger value here
   * only delays the answer.
   *
   * @throws IllegalArgumentException if {@code bytes} is below 1
   */
  public WafFilterBuilder responseBodyLimit(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("responseBodyLimit must be at least 1 byte, was " + bytes);
    }
    if (this.responseBodyLimit != 0) {
      throw new IllegalStateException(
          "responseBodyLimit was already set to " + this.responseBodyLimit);
    }
    this.responseBodyLimit = bytes;
    return this;
  }

  /**
   * Sets whether a refusal names the rules ({@code ruleId}, {@code matchedRuleIds} members). Off by
   * default: rule ids tell an attacker which signature to evade, so turn it on only for internal
   * services or while tuning.
   */
  public WafFilterBuilder exposeRuleIds(boolean expose) {
    if (exposeSet) {
      throw new IllegalStateException("exposeRuleIds was already set to " + exposeRuleIds);
    }
    exposeSet = true;
    this.exposeRuleIds = expose;
    return this;
  }

  /** Sets how problem responses are written; defaults to {@link ProblemWriter#create()}. */
  public WafFilterBuilder problemWriter(ProblemWriter problemWriter) {
    Objects.requireNonNull(problemWriter, "problemWriter");
    if (this.problemWriter != null) {
      throw new IllegalStateException("problemWriter was already set");
    }
    this.problemWriter = problemWriter;
    return this;
  }

  /** Adds a listener told of every request that matched; listeners run in the order added. */
  public WafFilterBuilder listener(EventListener<? super WafFilterEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the filter.
   *
   * @throws IllegalStateException if no WAF was set
   */
  public WafFilter build() {
    if (waf == null) {
      throw new IllegalStateException("waf is required: call waf(...) before build()");
    }
    if (policies == null) {
      policies = NO_POLICY;
    }
    if (problemWriter == null) {
      problemWriter = ProblemWriter.create();
    }
    return new WafFilter(this);
  }
}
