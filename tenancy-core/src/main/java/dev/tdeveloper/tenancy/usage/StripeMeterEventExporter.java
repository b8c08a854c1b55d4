package dev.tdeveloper.tenancy.usage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.BillingExportException;
import dev.tdeveloper.tenancy.spi.BillingExporter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Exports closed usage windows as Stripe billing meter events, one JSON object per line (JSON
 * Lines), ready to send to {@code POST /v1/billing/meter_events}. Each closed window with events
 * becomes:
 *
 * <pre>{@code
 * {"identifier":"tdu_<sha256 hex>","event_name":"<meter>",
 *  "payload":{"stripe_customer_id":"<customer>","value":"<aggregate>"},"timestamp":<start>}
 * }</pre>
 *
 * <ul>
 *   <li>{@code identifier}: {@code tdu_} and the SHA-256 of tenant, meter and window start (68
 *       characters, under Stripe's 100): the same window always gets the same identifier, so a
 *       re-export is deduplicated by Stripe (which enforces uniqueness for at least 24 hours).
 *   <li>{@code event_name}: the meter name, which must match the Stripe meter's event name.
 *   <li>{@code payload.stripe_customer_id}: from the customer mapping given to the constructor.
 *   <li>{@code payload.value}: the window's aggregate, as a decimal string as Stripe expects.
 *   <li>{@code timestamp}: the window start in epoch seconds. Stripe accepts timestamps up to 35
 *       days old, so export at least that often.
 * </ul>
 *
 * <p>Open windows and windows without events are skipped. Every customer is looked up before
 * anything is written, so a tenant without a customer fails the export with nothing written.
 *
 * <p>Thread-safe: concurrent exports are serialised so their lines never interleave.
 */
public final class StripeMeterEventExporter implements BillingExporter {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private final Function<TenantId, String> customers;
  private final Writer writer;
  private final Path path;

  private StripeMeterEventExporter(Function<TenantId, String> customers, Writer writer, Path path) {
    this.customers = Objects.requireNonNull(customers, "customers");
    this.writer = writer;
    this.path = path;
  }

  /**
   * Creates an exporter writing to {@code writer}, which it flushes after each export and never
   * closes.
   *
   * @param customers maps a tenant to its Stripe customer id ({@code cus_...}); returning null or
   *     blank fails the export
   */
  public static StripeMeterEventExporter toWriter(
      Writer writer, Function<TenantId, String> customers) {
    return new StripeMeterEventExporter(customers, Objects.requireNonNull(writer, "writer"), null);
  }

  /**
   * Creates an exporter appending UTF-8 lines to the file at {@code path} (created if missing).
   *
   * @param customers maps a tenant to its Stripe customer id; returning null or blank fails the
   *     export
   */
  public static StripeMeterEventExporter toPath(Path path, Function<TenantId, String> customers) {
    return new StripeMeterEventExporter(customers, null, Objects.requireNonNull(path, "path"));
  }

  /** Returns the Stripe identifier of a window: deterministic in tenant, meter and start. */
  public static String identifier(WindowAggregate window) {
    String key =
        window.tenant().value()
            + '\n'
            + window.meter()
            + '\n'
            + window.windowStart().getEpochSecond();
    return "tdu_" + Hashing.sha256().hashString(key, StandardCharsets.UTF_8);
  }

  /**
   * {@inheritDoc}
   *
   * @throws BillingExportException if a tenant has no customer (nothing written) or writing failed
   *     (lines before the failure may have been written; re-exporting them is harmless)
   */
  @Override
  public int export(List<WindowAggregate> windows) {
    Objects.requireNonNull(windows, "windows");
    List<String> lines = new ArrayList<>();
    for (WindowAggregate window : windows) {
      Objects.requireNonNull(window, "window");
      if (window.closed() && window.eventCount() > 0) {
        lines.add(line(window));
      }
    }
    if (lines.isEmpty()) {
      return 0;
    }
    synchronized (this) {
      try {
        if (writer != null) {
          write(writer, lines);
        } else {
          try (Writer file =
              Files.newBufferedWriter(
                  path,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND)) {
            write(file, lines);
          }
        }
      } catch (IOException e) {
        throw new BillingExportException(
            "cannot write Stripe meter events to " + (path != null ? path : writer), e);
      }
    }
    return lines.size();
  }

  private String line(WindowAggregate window) {
    String customer;
    try {
      customer = customers.apply(window.tenant());
    } catch (RuntimeException e) {
      throw new BillingExportException(
          "customer mapping failed for tenant '" + window.tenant() + "'", e);
    }
    if (customer == null || customer.isBlank()) {
      throw new BillingExportException(
          "no Stripe customer for tenant '" + window.tenant() + "'; nothing was exported");
    }
    ObjectNode event = JSON.createObjectNode();
    event.put("identifier", identifier(window));
    event.put("event_name", window.meter());
    ObjectNode payload = event.putObject("payload");
    payload.put("stripe_customer_id", customer);
    payload.put("value", Long.toString(window.value()));
    event.put("timestamp", window.windowStart().getEpochSecond());
    try {
      return JSON.writeValueAsString(event);
    } catch (IOException e) {
      throw new BillingExportException("cannot encode meter event of " + window, e);
    }
  }

  private static void write(Writer out, List<String> lines) throws IOException {
    for (String line : lines) {
      out.write(line);
      out.write('\n');
    }
    out.flush();
  }
}
