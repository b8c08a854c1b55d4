package dev.tdeveloper.tenancy.usage;

import static dev.tdeveloper.tenancy.usage.MeterFixture.ACME;
import static dev.tdeveloper.tenancy.usage.MeterFixture.GLOBEX;
import static dev.tdeveloper.tenancy.usage.MeterFixture.HOUR;
import static dev.tdeveloper.tenancy.usage.MeterFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.BillingExportException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StripeMeterEventExporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<TenantId, String> CUSTOMERS =
      Map.of(ACME, "cus_acme123", GLOBEX, "cus_globex456");

  private static WindowAggregate window(TenantId tenant, String meter, long value, boolean closed) {
    return new WindowAggregate(tenant, meter, T0, T0.plus(HOUR), value, 3, closed);
  }

  @Test
  void writesOneStripeMeterEventPerClosedWindow() throws IOException {
    StringWriter out = new StringWriter();
    StripeMeterEventExporter exporter = StripeMeterEventExporter.toWriter(out, CUSTOMERS::get);
    int exported =
        exporter.export(
            List.of(
                window(ACME, "api_calls", 42, true),
                window(GLOBEX, "api_calls", 7, false),
                new WindowAggregate(GLOBEX, "api_calls", T0, T0.plus(HOUR), 0, 0, true)));

    assertThat(exported).isEqualTo(1);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(1);
    JsonNode event = JSON.readTree(lines.get(0));
    assertThat(event.fieldNames())
        .toIterable()
        .containsExactly("identifier", "event_name", "payload", "timestamp");
    assertThat(event.get("identifier").asText()).matches("tdu_[0-9a-f]{64}");
    assertThat(event.get("event_name").asText()).isEqualTo("api_calls");
    assertThat(event.get("payload").get("stripe_customer_id").asText()).isEqualTo("cus_acme123");
    assertThat(event.get("payload").get("value").isTextual()).isTrue();
    assertThat(event.get("payload").get("value").asText()).isEqualTo("42");
    assertThat(event.get("timestamp").asLong()).isEqualTo(T0.getEpochSecond());
  }

  @Test
  void derivesTheSameIdentifierForTheSameWindowSoReExportIsIdempotent() {
    WindowAggregate window = window(ACME, "api_calls", 42, true);
    assertThat(StripeMeterEventExporter.identifier(window))
        .isEqualTo(StripeMeterEventExporter.identifier(window(ACME, "api_calls", 43, true)))
        .isNotEqualTo(StripeMeterEventExporter.identifier(window(GLOBEX, "api_calls", 42, true)))
        .isNotEqualTo(StripeMeterEventExporter.identifier(window(ACME, "requests", 42, true)))
        .isNotEqualTo(
            StripeMeterEventExporter.identifier(
                new WindowAggregate(
                    ACME, "api_calls", T0.plus(HOUR), T0.plus(HOUR.multipliedBy(2)), 42, 1, true)));
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    StripeMeterEventExporter.toWriter(first, CUSTOMERS::get).export(List.of(window));
    StripeMeterEventExporter.toWriter(second, CUSTOMERS::get).export(List.of(window));
    assertThat(first.toString()).isEqualTo(second.toString());
  }

  @Test
  void writesNothingWhenATenantHasNoCustomer() {
    StringWriter out = new StringWriter();
    StripeMeterEventExporter exporter =
        StripeMeterEventExporter.toWriter(out, t -> t == ACME ? "cus_1" : null);
    assertThatThrownBy(
            () ->
                exporter.export(
                    List.of(
                        window(ACME, "api_calls", 1, true), window(GLOBEX, "api_calls", 1, true))))
        .isInstanceOf(BillingExportException.class)
        .hasMessageContaining("no Stripe customer for tenant 'globex'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void appendsJsonLinesToAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("meter-events.jsonl");
    StripeMeterEventExporter exporter = StripeMeterEventExporter.toPath(file, CUSTOMERS::get);
    exporter.export(List.of(window(ACME, "api_calls", 1, true)));
    exporter.export(List.of(window(GLOBEX, "api_calls", 2, true)));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines.get(1)).get("payload").get("stripe_customer_id").asText())
        .isEqualTo("cus_globex456");
  }

  @Test
  void exportsTheClosedWindowsOfAMeterEndToEnd() throws IOException {
    MeterFixture fixture = new MeterFixture();
    UsageMeter meter = fixture.meter();
    meter.record(MeterFixture.calls(ACME, 5, "a"));
    meter.record(MeterFixture.calls(ACME, 6, "b"));
    meter.record(MeterFixture.calls(GLOBEX, 1, "a"));
    StringWriter out = new StringWriter();
    StripeMeterEventExporter exporter = StripeMeterEventExporter.toWriter(out, CUSTOMERS::get);
    assertThat(exporter.export(meter.windows(ACME, "api_calls", T0, T0.plus(HOUR)))).isZero();

    fixture.clock.advance(HOUR);
    assertThat(exporter.export(meter.closedWindows(T0, T0.plus(HOUR)))).isEqualTo(2);
    List<JsonNode> events =
        out.toString()
            .lines()
            .map(
                l -> {
                  try {
                    return JSON.readTree(l);
                  } catch (IOException e) {
                    throw new AssertionError(e);
                  }
                })
            .toList();
    assertThat(events)
        .extracting(e -> e.get("payload").get("value").asText())
        .containsExactly("11", "1");
  }
}
