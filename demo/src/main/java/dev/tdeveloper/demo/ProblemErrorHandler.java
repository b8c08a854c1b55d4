package dev.tdeveloper.demo;

import dev.tdeveloper.web.audit.AuditFilter;
import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The demo's Jetty error handler, on the server and on the servlet context: every error Jetty
 * answers itself (an exception no filter handled, {@code sendError}, no servlet for the path, a
 * request Jetty cannot parse) becomes an RFC 9457 {@code application/problem+json} with the status,
 * its reason phrase as title and the request id the audit filter assigned, if any. It never shows
 * the exception's text, a path or a stack trace, unlike Jetty's default HTML page; Jetty still logs
 * the exception. A 503 carries {@code Retry-After}. Thread-safe and stateless.
 */
final class ProblemErrorHandler extends ErrorHandler {
  private static final String SERVLET_STATUS = "jakarta.servlet.error.status_code";

  ProblemErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setShowOrigin(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = status(request, response);
    ProblemDetails problem =
        ErrorProblems.ofStatus(status, request.getAttribute(AuditFilter.REQUEST_ID_ATTRIBUTE));
    byte[] body = ErrorProblems.WRITER.toJson(problem);
    response.setStatus(problem.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemWriter.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (problem.status() == 503 && !response.getHeaders().contains(HttpHeader.RETRY_AFTER)) {
      response
          .getHeaders()
          .put(HttpHeader.RETRY_AFTER, Long.toString(ErrorProblems.RETRY_AFTER_SECONDS));
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static int status(Request request, Response response) {
    if (request.getAttribute(ERROR_STATUS) instanceof Integer code) {
      return code;
    }
    if (request.getAttribute(SERVLET_STATUS) instanceof Integer code) {
      return code;
    }
    return response.getStatus() >= 400 ? response.getStatus() : 500;
  }
}
