package dev.tdeveloper.observability.otel;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One traced request's server span until it ends: when the first dispatch returns, or, once the
 * application started async processing, when the container reports the {@code AsyncContext}
 * complete (which it does after a timeout or error too). Thread-safe: the container may report
 * async events from any thread.
 */
final class ServerExchange implements AsyncListener {
  private final Span span;
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final String method;
  private boolean async;
  private boolean ended;
  private Throwable failure;

  ServerExchange(
      Span span, HttpServletRequest request, HttpServletResponse response, String method) {
    this.span = span;
    this.request = request;
    this.response = response;
    this.method = method;
  }

  /** Returns the request to pass down the chain: it registers this listener on startAsync. */
  HttpServletRequest asyncAwareRequest() {
    return new HttpServletRequestWrapper(request) {
      @Override
      public AsyncContext startAsync() {
        return listen(super.startAsync());
      }

      @Override
      public AsyncContext startAsync(ServletRequest req, ServletResponse res) {
        return listen(super.startAsync(req, res));
      }
    };
  }

  private AsyncContext listen(AsyncContext context) {
    synchronized (this) {
      if (async) {
        return context;
      }
      async = true;
    }
    context.addListener(this);
    return context;
  }

  /** The first dispatch returned (with {@code thrown}, or null): ends the span unless async. */
  void dispatchReturned(Throwable thrown) {
    synchronized (this) {
      if (thrown != null && failure == null) {
        failure = thrown;
      }
      if (async) {
        return;
      }
    }
    end();
  }

  @Override
  public void onComplete(AsyncEvent event) {
    end();
  }

  @Override
  public synchronized void onTimeout(AsyncEvent event) {
    span.addEvent("async timeout");
  }

  @Override
  public synchronized void onError(AsyncEvent event) {
    if (failure == null && event.getThrowable() != null) {
      failure = event.getThrowable();
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    event.getAsyncContext().addListener(this); // a new async cycle: listen to it as well
  }

  private void end() {
    Throwable thrown;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      thrown = failure;
    }
    // An exception not yet written as a response becomes the container's 500.
    int status = thrown != null && !response.isCommitted() ? 500 : response.getStatus();
    span.setAttribute(HttpSemconv.HTTP_RESPONSE_STATUS_CODE, (long) status);
    if (thrown != null) {
      span.recordException(thrown);
      span.setAttribute(HttpSemconv.ERROR_TYPE, thrown.getClass().getName());
      span.setStatus(StatusCode.ERROR);
    } else if (status >= 500) {
      span.setAttribute(HttpSemconv.ERROR_TYPE, Integer.toString(status));
      span.setStatus(StatusCode.ERROR);
    }
    if (request.getAttribute(TracingFilter.ROUTE_ATTRIBUTE) instanceof String route
        && !route.isEmpty()) {
      span.setAttribute(HttpSemconv.HTTP_ROUTE, route);
      span.updateName(HttpSemconv.spanName(method, route));
    }
    span.end();
  }
}
