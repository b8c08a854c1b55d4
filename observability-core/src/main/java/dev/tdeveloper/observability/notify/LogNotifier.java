package dev.tdeveloper.observability.notify;

import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.Severity;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes notifications to the log through slf4j, one line each: the default notifier (the demo's),
 * and a record next to the others. A trigger logs at ERROR for critical and error severity, WARN
 * for warning, INFO for info; acknowledge and resolve log at INFO. Logging is synchronous and
 * cheap, so there is no queue. Thread-safe.
 */
public final class LogNotifier implements Notifier {
  /** The logger name used unless another is given. */
  public static final String DEFAULT_LOGGER = "dev.tdeveloper.observability.notify.LogNotifier";

  private final String name;
  private final Logger log;
  private volatile boolean closed;

  private LogNotifier(String name, Logger log) {
    this.name = name;
    this.log = log;
  }

  /** Returns a notifier named {@code log} writing to {@value #DEFAULT_LOGGER}. */
  public static LogNotifier create() {
    return create("log", DEFAULT_LOGGER);
  }

  /**
   * Returns a notifier with a name and logger name of your choosing.
   *
   * @throws IllegalArgumentException if the name is not 1-63 lower-case letters, digits, '.', '_'
   *     or '-', or the logger name is blank
   */
  public static LogNotifier create(String name, String loggerName) {
    NotifierOptions options = new NotifierOptions("log");
    options.name(name);
    Objects.requireNonNull(loggerName, "loggerName");
    if (loggerName.isBlank()) {
      throw new IllegalArgumentException("log loggerName: is blank");
    }
    return new LogNotifier(options.name(), LoggerFactory.getLogger(loggerName));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Notification n) {
    Objects.requireNonNull(n, "notification");
    if (closed) {
      throw new IllegalStateException("notifier " + name + " is closed");
    }
    String alerts =
        n.alerts().stream()
            .map(a -> a.name() + a.labels().without(Alert.ALERTNAME).asMap())
            .collect(Collectors.joining(", ", "[", "]"));
    String format = "{} {} to {}: {} (key={}, alerts={})";
    Object[] args = {n.action(), n.severity().label(), n.receiver(), n.summary(), n.key(), alerts};
    if (n.action() != Notification.Action.TRIGGER || n.severity() == Severity.INFO) {
      log.info(format, args);
    } else if (n.severity() == Severity.WARNING) {
      log.warn(format, args);
    } else {
      log.error(format, args);
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "LogNotifier[name=" + name + ", logger=" + log.getName() + "]";
  }
}
