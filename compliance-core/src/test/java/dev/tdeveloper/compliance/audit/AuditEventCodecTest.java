package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventCodecTest {
  private static final Instant T = Instant.parse("2025-01-02T03:04:05.123Z");

  private static AuditEvent full() {
    return AuditEvent.builder("note.read", T)
        .id("e1")
        .tenant(TenantId.of("acme"))
        .actor("alice \"the\" \\admin\\ é ✓ 😀")
        .resource("notes/42")
        .outcome(AuditOutcome.DENIED)
        .sourceIp("10.0.0.1")
        .requestId("r-1")
        .detail("zeta", "1")
        .detail("alpha", "2")
        .build();
  }

  private static String json(AuditEvent e) {
    return new String(AuditEventCodec.encode(e), StandardCharsets.UTF_8);
  }

  private static AuditEvent decode(String s) {
    return AuditEventCodec.decode(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void encodesInFixedKeyOrderWithoutWhitespace() {
    assertThat(json(full()))
        .isEqualTo(
            "{\"v\":1,\"id\":\"e1\",\"time\":\"2025-01-02T03:04:05.123Z\",\"tenant\":\"acme\","
                + "\"actor\":\"alice \\\"the\\\" \\\\admin\\\\ é ✓ 😀\",\"action\":\"note.read\","
                + "\"resource\":\"notes/42\",\"outcome\":\"DENIED\",\"sourceIp\":\"10.0.0.1\","
                + "\"requestId\":\"r-1\",\"details\":{\"alpha\":\"2\",\"zeta\":\"1\"}}");
  }

  @Test
  void leavesOutAbsentOptionalsAndEmptyDetails() {
    AuditEvent e = AuditEvent.builder("key.rotated", Instant.EPOCH).id("x").build();
    assertThat(json(e))
        .isEqualTo(
            "{\"v\":1,\"id\":\"x\",\"time\":\"1970-01-01T00:00:00Z\",\"actor\":\"system\","
                + "\"action\":\"key.rotated\",\"resource\":\"-\",\"outcome\":\"SUCCESS\"}");
    assertThat(decode(json(e))).isEqualTo(e);
  }

  @Test
  void escapesControlCharactersAsJcsDoes() {
    CanonicalJsonWriter w = CanonicalJsonWriter.get();
    String out =
        new String(
            w.string("a\b\t\n\f\r\u0001\u001f\u007f\u2028/").toByteArray(), StandardCharsets.UTF_8);
    assertThat(out).isEqualTo("\"a\\b\\t\\n\\f\\r\\u0001\\u001f\u007f\u2028/\"");
  }

  @Test
  void refusesUnpairedSurrogates() {
    assertThatThrownBy(() -> CanonicalJsonWriter.get().string("a\ud800b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate U+D800 at index 1");
    assertThatThrownBy(() -> AuditEvent.builder("a", T).actor("x\udc00").build())
        .hasMessageContaining("AuditEvent.actor holds an unpaired surrogate (U+DC00) at index 1");
  }

  @Test
  void roundTrips() {
    assertThat(AuditEventCodec.decode(AuditEventCodec.encode(full()))).isEqualTo(full());
  }

  @Test
  void rejectsUnknownKey() {
    String s = json(full()).replace("\"requestId\"", "\"requestID\"");
    assertThatThrownBy(() -> decode(s))
        .isInstanceOf(AuditFormatException.class)
        .hasMessageContaining("unknown key 'requestID'");
  }

  @Test
  void rejectsKeysOutOfOrder() {
    String s = "{\"v\":1,\"time\":\"1970-01-01T00:00:00Z\",\"id\":\"x\"}";
    assertThatThrownBy(() -> decode(s)).hasMessageContaining("lacks required key 'id'");
    String t =
        "{\"v\":1,\"id\":\"x\",\"time\":\"1970-01-01T00:00:00Z\",\"actor\":\"a\",\"tenant\":\"b\"}";
    assertThatThrownBy(() -> decode(t)).hasMessageContaining("key 'tenant' is out of order");
  }

  @Test
  void rejectsDuplicateKeys() {
    String s = json(full()).replace("\"id\":\"e1\",", "\"id\":\"e1\",\"id\":\"e2\",");
    assertThatThrownBy(() -> decode(s)).hasMessageContaining("repeats key 'id'");
    String d = json(full()).replace("{\"alpha\":\"2\"", "{\"alpha\":\"2\",\"alpha\":\"3\"");
    assertThatThrownBy(() -> decode(d)).hasMessageContaining("details repeat key 'alpha'");
  }

  @Test
  void rejectsUnsortedDetails() {
    String s =
        json(full())
            .replace("{\"alpha\":\"2\",\"zeta\":\"1\"}", "{\"zeta\":\"1\",\"alpha\":\"2\"}");
    assertThatThrownBy(() -> decode(s)).hasMessageContaining("details key 'alpha' is out of order");
  }

  @Test
  void rejectsWhitespaceAndOtherEscapes() {
    assertThatThrownBy(() -> decode(json(full()).replace(",\"id\"", ", \"id\"")))
        .isInstanceOf(AuditFormatException.class)
        .hasMessageContaining("not in canonical form: first difference at byte 7");
    assertThatThrownBy(() -> decode(json(full()).replace("notes/42", "notes\\/42")))
        .hasMessageContaining("not in canonical form");
    assertThatThrownBy(() -> decode(json(full()).replace("\"r-1\"", "\"r\\u002d1\"")))
        .hasMessageContaining("not in canonical form");
  }

  @Test
  void rejectsOtherVersions() {
    assertThatThrownBy(() -> decode(json(full()).replace("\"v\":1", "\"v\":2")))
        .hasMessageContaining("format version '2' is not supported; expected 1");
    assertThatThrownBy(() -> decode(json(full()).replace("\"v\":1", "\"v\":\"1\"")))
        .hasMessageContaining("format version");
  }

  @Test
  void rejectsBrokenJsonTrailingContentAndBadValues() {
    assertThatThrownBy(() -> decode("{\"v\":1,")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> decode(json(full()) + "{}"))
        .hasMessageContaining("content after its closing brace");
    assertThatThrownBy(() -> decode(json(full()).replace("DENIED", "MAYBE")))
        .hasMessageContaining("outcome 'MAYBE' is unknown");
    assertThatThrownBy(() -> decode(json(full()).replace("\"acme\"", "\"ACME\"")))
        .hasMessageContaining("invalid value");
    assertThatThrownBy(() -> decode(json(full()).replace("2025-01-02", "2025-13-02")))
        .hasMessageContaining("invalid value");
    assertThatThrownBy(
            () ->
                decode(
                    json(full())
                        .replace(
                            ",\"details\":{\"alpha\":\"2\",\"zeta\":\"1\"}", ",\"details\":{}")))
        .hasMessageContaining("empty 'details'");
  }
}
