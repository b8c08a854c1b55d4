package dev.tdeveloper.observability.notify;

import java.util.List;
import java.util.Objects;

/**
 * One e-mail an {@link EmailNotifier} hands to its {@link MailTransport}: recipients, a one-line
 * subject, and the same content as plain text and as HTML (a transport sends both as {@code
 * multipart/alternative}). Immutable.
 *
 * @param to the recipients' addresses, at least one
 * @param subject one line, at most {@value #MAX_SUBJECT} characters, no line breaks (so a header
 *     cannot be injected)
 * @param text the plain-text body
 * @param html the HTML body, its content escaped
 */
public record MailMessage(List<String> to, String subject, String text, String html) {
  /** The longest subject accepted. */
  public static final int MAX_SUBJECT = 250;

  /**
   * Validates the message.
   *
   * @throws IllegalArgumentException naming the field and what is wrong
   */
  public MailMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("mail to: at least one recipient is required");
    }
    to.forEach(MailMessage::checkAddress);
    if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException(
          "mail subject: is blank or longer than " + MAX_SUBJECT + " characters");
    }
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("mail subject: must not contain a line break");
    }
  }

  /**
   * Checks an address: {@code local@domain}, no spaces, angle brackets, commas or line breaks.
   *
   * @throws IllegalArgumentException naming the address
   */
  static String checkAddress(String address) {
    Objects.requireNonNull(address, "address");
    int at = address.lastIndexOf('@');
    boolean bad = address.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == ',');
    if (bad || at < 1 || at == address.length() - 1 || address.length() > 254) {
      throw new IllegalArgumentException(
          "mail to: '"
              + address.replaceAll("[\\r\\n]", "?")
              + "' is not an address like oncall@example.com");
    }
    return address;
  }
}
