package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notifier;
import java.util.ArrayList;
import java.util.List;

/** A notifier that keeps what it is sent, for assertions. */
final class RecordingNotifier implements Notifier {
  private final String name;
  private final List<Notification> sent = new ArrayList<>();

  RecordingNotifier(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void send(Notification notification) {
    sent.add(notification);
  }

  synchronized List<Notification> sent() {
    return List.copyOf(sent);
  }

  synchronized List<Notification> drain() {
    List<Notification> out = List.copyOf(sent);
    sent.clear();
    return out;
  }

  @Override
  public void close() {}
}
