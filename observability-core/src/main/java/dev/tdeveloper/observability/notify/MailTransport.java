package dev.tdeveloper.observability.notify;

import java.io.IOException;

/**
 * Sends one e-mail for an {@link EmailNotifier}: the SPI that keeps observability-core free of a
 * mail library. Plug in a few lines over Jakarta Mail (SMTP), the Amazon SES or SendGrid SDK, or a
 * company relay; the transport owns the sender address, credentials and connection.
 *
 * <p>Throw {@link IOException} for a failure worth retrying (connection refused, a 4xx SMTP reply,
 * throttling): the notifier retries it with backoff. Any other exception fails the notification
 * permanently. Called on the notifier's delivery thread only, one message at a time.
 */
@FunctionalInterface
public interface MailTransport {
  /**
   * Sends {@code message}.
   *
   * @param message the message, already validated
   * @throws IOException for a transient failure, retried by the notifier
   */
  void send(MailMessage message) throws IOException;
}
