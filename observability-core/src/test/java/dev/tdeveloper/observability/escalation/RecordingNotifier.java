package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notifier;
import java.util.ArrayList;
import java.util.List;

/** Records what it is sent, for assertions. Thread-safe. */
final class RecordingNotifier implements Notifier {
  private final List<Notification> sent = new ArrayList<>();

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public synchronized void send(Notification notification) {
    sent.add(notification);
  }

  /** Returns and forgets what was sent, as {@code ACTION receiver} lines. */
  synchronized List<String> drain() {
    List<String> lines =
        sent.stream().map(n -> n.action() + " " + n.receiver() + " " + n.key()).toList();
    sent.clear();
    return lines;
  }

  synchronized List<Notification> sent() {
    return List.copyOf(sent);
  }

  @Override
  public void close() {}
}
