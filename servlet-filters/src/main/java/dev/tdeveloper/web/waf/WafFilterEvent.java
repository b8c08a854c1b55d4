package dev.tdeveloper.web.waf;

import dev.tdeveloper.security.waf.Interruption;
import dev.tdeveloper.security.waf.WafMatch;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link WafFilter} tells its listeners, once per request after the logging phase: the
 * request was interrupted, would have been (DetectionOnly), only matched rules, or could not be
 * inspected. Requests without any match publish nothing. Published on the thread that finished the
 * request; a listener that throws is logged and skipped. Immutable.
 */
public sealed interface WafFilterEvent {
  /** Returns the tenant namespace of the policy applied; empty when no tenant policy applied. */
  Optional<String> tenant();

  /** Returns the request id (sent in {@code X-Request-Id} or generated). */
  String requestId();

  /** Returns the HTTP method, escaped, at most 20 characters. */
  String method();

  /** Returns the request URI, escaped, at most 200 characters. */
  String path();

  /** Returns the matches of the transaction, in order (engine fault records included). */
  List<WafMatch> matches();

  /** Returns the ids of the rules that matched, in order, without repeats. */
  default List<Long> ruleIds() {
    return matches().stream().map(WafMatch::ruleId).distinct().toList();
  }

  /**
   * The WAF interrupted the request: it was answered with a problem (or a redirect, or the
   * connection was closed) instead of the application's response.
   *
   * @param tenant the tenant namespace, if a tenant policy applied
   * @param requestId the request id
   * @param method the method (escaped)
   * @param path the request URI (escaped)
   * @param interruption what the WAF decided
   * @param enforced false when the response was already committed (a response-phase rule that
   *     matched after the application had flushed): the decision was then only recorded
   * @param matches the matches
   */
  record Interrupted(
      Optional<String> tenant,
      String requestId,
      String method,
      String path,
      Interruption interruption,
      boolean enforced,
      List<WafMatch> matches)
      implements WafFilterEvent {
    /** Validates and copies. */
    public Interrupted {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(interruption, "interruption");
      matches = List.copyOf(matches);
    }
  }

  /**
   * The engine ran in DetectionOnly and would have interrupted the request; it passed.
   *
   * @param tenant the tenant namespace, if a tenant policy applied
   * @param requestId the request id
   * @param method the method (escaped)
   * @param path the request URI (escaped)
   * @param interruption the interruption not carried out
   * @param matches the matches
   */
  record Detected(
      Optional<String> tenant,
      String requestId,
      String method,
      String path,
      Interruption interruption,
      List<WafMatch> matches)
      implements WafFilterEvent {
    /** Validates and copies. */
    public Detected {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(interruption, "interruption");
      matches = List.copyOf(matches);
    }
  }

  /**
   * Rules matched (for example CRS scoring rules below the threshold) and the request passed.
   *
   * @param tenant the tenant namespace, if a tenant policy applied
   * @param requestId the request id
   * @param method the method (escaped)
   * @param path the request URI (escaped)
   * @param matches the matches, at least one
   */
  record Matched(
      Optional<String> tenant, String requestId, String method, String path, List<WafMatch> matches)
      implements WafFilterEvent {
    /** Validates and copies. */
    public Matched {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      matches = List.copyOf(matches);
    }
  }

  /**
   * The WAF itself failed (the engine, or the tenant policy resolver threw): the filter fails open,
   * so the rest of the request went on uninspected.
   *
   * @param tenant the tenant namespace, if a tenant policy was resolved before the failure
   * @param requestId the request id
   * @param method the method (escaped)
   * @param path the request URI (escaped)
   * @param error what failed
   * @param matches the matches recorded before the failure
   */
  record Failed(
      Optional<String> tenant,
      String requestId,
      String method,
      String path,
      Throwable error,
      List<WafMatch> matches)
      implements WafFilterEvent {
    /** Validates and copies. */
    public Failed {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(error, "error");
      matches = List.copyOf(matches);
    }
  }
}
