package dev.tdeveloper.demo;

import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The RFC 9457 problems the demo answers failures with ({@link FailureFilter}, {@link
 * ProblemErrorHandler}): a status, a fixed title and the request id the chain assigned, never an
 * exception's text, a path or a stack trace. Stateless.
 */
final class ErrorProblems {
  /** The {@code Retry-After} every 503 of the demo carries unless it set its own: {@value} s. */
  static final long RETRY_AFTER_SECONDS = 5;

  /** The header naming when to retry. */
  static final String RETRY_AFTER = "Retry-After";

  /** The detail of a storage failure: {@value}. */
  static final String STORAGE_DETAIL = "storage unavailable";

  static final ProblemWriter WRITER = ProblemWriter.using(Json.MAPPER);

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private ErrorProblems() {}

  /** A 503: durable storage failed; retry after {@link #RETRY_AFTER_SECONDS}. */
  static ProblemDetails storageUnavailable(Object requestId) {
    ProblemDetails p =
        ProblemDetails.of(ProblemDetails.typeOf("storage-unavailable"), "Storage unavailable", 503)
            .withDetail(STORAGE_DETAIL)
            .withExtension("retryAfterSeconds", RETRY_AFTER_SECONDS);
    return withRequestId(p, requestId);
  }

  /**
   * The problem of an error Jetty answers ({@code about:blank} titled with the status's reason
   * phrase), with no detail; a status outside 400-599 becomes 500.
   */
  static ProblemDetails ofStatus(int status, Object requestId) {
    int code = status >= 400 && status <= 599 ? status : 500;
    String reason = HttpStatus.getMessage(code);
    String title = reason == null || reason.isBlank() ? "Error " + code : reason;
    return withRequestId(ProblemDetails.of(ProblemDetails.ABOUT_BLANK, title, code), requestId);
  }

  /**
   * Adds {@code requestId} (the request attribute of {@code dev.tdeveloper.web.audit.AuditFilter})
   * when it is one.
   */
  private static ProblemDetails withRequestId(ProblemDetails problem, Object requestId) {
    return requestId instanceof String id && REQUEST_ID.matcher(id).matches()
        ? problem.withExtension("requestId", id)
        : problem;
  }
}
