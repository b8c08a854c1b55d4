package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.web.audit.AuditFilter;
import dev.tdeveloper.web.tenant.TenantFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost filter of the demo: turns a failure of durable storage ({@link StorageFailures})
 * that reaches the top of the chain into a 503 {@code application/problem+json} with {@code
 * Retry-After} and the generic detail {@value ErrorProblems#STORAGE_DETAIL}, logging the real cause
 * once with the tenant and request id; and gives every 503 the demo answers (readiness, shield
 * overload, a rate-limiter store down, no region, storage) a {@code Retry-After} of {@value
 * ErrorProblems#RETRY_AFTER_SECONDS} s unless the answer set its own.
 *
 * <p>Any other exception propagates: Jetty logs it and {@link ProblemErrorHandler} answers 500
 * problem+json without detail. A failure after the response was committed propagates too (the
 * client already has a status; Jetty aborts the connection). Thread-safe and stateless.
 */
final class FailureFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(FailureFilter.class);

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, new RetryAfterOn503(response));
    } catch (IOException | ServletException | RuntimeException e) {
      Optional<Throwable> storage = StorageFailures.find(e);
      if (storage.isEmpty() || response.isCommitted()) {
        throw e;
      }
      Object requestId = request.getAttribute(AuditFilter.REQUEST_ID_ATTRIBUTE);
      LOG.error(
          "storage failure serving {} {} for tenant {} (request {}); answered 503",
          request.getMethod(),
          request.getRequestURI(),
          request.getAttribute(TenantFilter.TENANT_ATTRIBUTE) instanceof Tenant t
              ? t.id().value()
              : "-",
          requestId == null ? "-" : requestId,
          e);
      response.setHeader(
          ErrorProblems.RETRY_AFTER, Long.toString(ErrorProblems.RETRY_AFTER_SECONDS));
      ErrorProblems.WRITER.write(response, ErrorProblems.storageUnavailable(requestId));
    }
  }

  /**
   * Adds {@code Retry-After} when the status becomes 503 without one, and takes it back if the
   * status then changes to something else.
   */
  private static final class RetryAfterOn503 extends HttpServletResponseWrapper {
    private boolean added;

    RetryAfterOn503(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      retryAfterFor(status);
      super.setStatus(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      retryAfterFor(status);
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      retryAfterFor(status);
      super.sendError(status);
    }

    /**
     * Adds or takes back {@code Retry-After} for {@code status}. Most answers are neither a 503 nor
     * after one, and are left alone before asking whether the response is committed: Jetty answers
     * that under the request's state lock, once per status set (every answer's).
     */
    private void retryAfterFor(int status) {
      boolean unavailable = status == HttpServletResponse.SC_SERVICE_UNAVAILABLE;
      if ((!unavailable && !added) || isCommitted()) {
        return;
      }
      if (unavailable) {
        if (!containsHeader(ErrorProblems.RETRY_AFTER)) {
          setHeader(ErrorProblems.RETRY_AFTER, Long.toString(ErrorProblems.RETRY_AFTER_SECONDS));
          added = true;
        }
      } else {
        setHeader(ErrorProblems.RETRY_AFTER, null);
        added = false;
      }
    }
  }
}
