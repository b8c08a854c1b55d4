package dev.tdeveloper.security.waf.replay;

import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.security.waf.WafTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs replayed requests through a {@link Waf}, the way a connector would: connection, request
 * line, headers (phase 1), body (phase 2, skipped when phase 1 interrupted), logging (phase 5).
 * Response phases 3 and 4 are not run: there is no response to replay. Thread-safe (one transaction
 * per call).
 */
public final class ReplayRunner {
  /** The client address when a request gives no {@code remoteAddr}: {@value} (TEST-NET-1). */
  public static final String DEFAULT_REMOTE_ADDR = "192.0.2.10";

  /** The client port every replayed request comes from: {@value}. */
  public static final int CLIENT_PORT = 40000;

  /** The server address every replayed request goes to: {@value}. */
  public static final String SERVER_ADDR = "127.0.0.1";

  /** The server port every replayed request goes to: {@value}. */
  public static final int SERVER_PORT = 80;

  private final Waf waf;
  private final WafPolicy policy;

  /**
   * A runner with the WAF's own settings (no tenant policy).
   *
   * @param waf the WAF
   */
  public ReplayRunner(Waf waf) {
    this(waf, WafPolicy.defaults(""));
  }

  /**
   * A runner applying a tenant policy to every request.
   *
   * @param waf the WAF
   * @param policy the policy
   */
  public ReplayRunner(Waf waf, WafPolicy policy) {
    this.waf = Objects.requireNonNull(waf, "waf");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Runs one request. Never throws on request data: engine faults are listed in {@link
   * ReplayResult#errors()}.
   *
   * @param request the request
   * @return what the WAF did
   */
  public ReplayResult run(ReplayRequest request) {
    WafTransaction tx = waf.newTransaction(policy);
    tx.processConnection(
        request.remoteAddr().orElse(DEFAULT_REMOTE_ADDR), CLIENT_PORT, SERVER_ADDR, SERVER_PORT);
    tx.processUri(request.method(), request.uri(), request.version());
    for (ReplayRequest.Header h : request.headers()) {
      tx.addRequestHeader(h.name(), h.value());
    }
    tx.processRequestHeaders();
    if (tx.interruption().isEmpty()) {
      if (!request.body().isEmpty()) {
        tx.appendRequestBody(request.bodyBytes());
      }
      if (tx.interruption().isEmpty()) {
        tx.processRequestBody();
      }
    }
    tx.processLogging();
    List<WafMatch> matches = tx.matches();
    List<Long> matched = new ArrayList<>(matches.size());
    List<String> errors = new ArrayList<>();
    for (WafMatch m : matches) {
      if (m.isError()) {
        errors.add("rule " + m.ruleId() + " phase " + m.phase() + ": " + m.reason());
      } else {
        matched.add(m.ruleId());
      }
    }
    return new ReplayResult(
        request.line(),
        request.id(),
        matched,
        tx.inboundAnomalyScore(),
        tx.interruption(),
        tx.detectedInterruption(),
        errors);
  }
}
