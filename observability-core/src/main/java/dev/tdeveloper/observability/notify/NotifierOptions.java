package dev.tdeveloper.observability.notify;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The builder settings every queued notifier shares (name, delivery settings, clock, HTTP client,
 * listeners), with Caffeine's discipline: each set once, nulls and bad values rejected at once. Not
 * thread-safe, as builders are not.
 */
final class NotifierOptions {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private final String kind;
  private String name;
  private DeliverySettings delivery;
  private InstantSource clock;
  private HttpClient httpClient;
  private final List<EventListener<? super DeliveryEvent>> listeners = new ArrayList<>();

  NotifierOptions(String kind) {
    this.kind = kind;
  }

  void name(String value) {
    Objects.requireNonNull(value, "name");
    once("name", name);
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          kind
              + " name: '"
              + value
              + "' is not 1-63 lower-case letters, digits, '.', '_' or '-' starting with a"
              + " letter or digit");
    }
    name = value;
  }

  void delivery(DeliverySettings value) {
    Objects.requireNonNull(value, "delivery");
    once("delivery", delivery);
    delivery = value;
  }

  void clock(InstantSource value) {
    Objects.requireNonNull(value, "clock");
    once("clock", clock);
    clock = value;
  }

  void httpClient(HttpClient value) {
    Objects.requireNonNull(value, "httpClient");
    once("httpClient", httpClient);
    httpClient = value;
  }

  void listener(EventListener<? super DeliveryEvent> value) {
    listeners.add(Objects.requireNonNull(value, "listener"));
  }

  String name() {
    return name == null ? kind : name;
  }

  DeliverySettings delivery() {
    return delivery == null ? DeliverySettings.defaults() : delivery;
  }

  InstantSource clock() {
    return clock == null ? InstantSource.system() : clock;
  }

  HttpSender sender() {
    DeliverySettings settings = delivery();
    HttpClient client =
        httpClient == null ? HttpSender.defaultClient(settings.requestTimeout()) : httpClient;
    return new HttpSender(client, settings.requestTimeout(), clock());
  }

  Listeners<DeliveryEvent> listeners() {
    return Listeners.of(listeners);
  }

  /** Throws if a required setting is missing. */
  <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalStateException(kind + " builder: " + field + " is required");
    }
    return value;
  }

  /** Throws if a setting was already set. */
  void once(String field, Object current) {
    if (current != null) {
      throw new IllegalStateException(kind + " builder: " + field + " is already set");
    }
  }
}
