package dev.tdeveloper.observability.notify;

import java.net.http.HttpClient;
import java.time.InstantSource;

/**
 * The settings the builders of HTTP notifiers (PagerDuty, Slack, webhook) share on top of {@link
 * QueuedNotifierBuilder}'s: the clock and the HTTP client. Only this package's builders extend it.
 * Not thread-safe, as builders are not.
 *
 * @param <B> the concrete builder
 */
public abstract class HttpNotifierBuilder<B extends HttpNotifierBuilder<B>>
    extends QueuedNotifierBuilder<B> {
  HttpNotifierBuilder(String kind) {
    super(kind);
  }

  /** Sets the clock for {@code Retry-After} dates; default the system clock. */
  public B clock(InstantSource clock) {
    options.clock(clock);
    return self();
  }

  /** Sets the HTTP client (proxy, TLS); default one without redirects. */
  public B httpClient(HttpClient httpClient) {
    options.httpClient(httpClient);
    return self();
  }
}
