package dev.tdeveloper.compliance.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Texts;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the canonical encoding with Jackson's streaming parser, enforcing the key order, the
 * version and the absence of anything unknown; {@link AuditEventCodec#decode} then re-encodes to
 * catch what only the bytes show (whitespace, escapes). Stateless and thread-safe.
 */
final class CanonicalEventReader {
  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> KEYS =
      List.of(
          "v",
          "id",
          "time",
          "tenant",
          "actor",
          "action",
          "resource",
          "outcome",
          "sourceIp",
          "requestId",
          "details");
  private static final List<String> REQUIRED =
      List.of("v", "id", "time", "actor", "action", "resource", "outcome");

  private CanonicalEventReader() {}

  static AuditEvent read(byte[] bytes) {
    try (JsonParser p = JSON.createParser(bytes)) {
      return read(p);
    } catch (JsonProcessingException e) {
      throw new AuditFormatException("audit event is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new AuditFormatException("audit event cannot be read: " + e.getMessage(), e);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new AuditFormatException("audit event holds an invalid value: " + e.getMessage(), e);
    }
  }

  private static AuditEvent read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new AuditFormatException("audit event must be a JSON object");
    }
    String[] values = new String[KEYS.size()];
    TreeMap<String, String> details = new TreeMap<>();
    int next = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      int index = KEYS.indexOf(key);
      if (index < 0) {
        throw new AuditFormatException(
            "audit event has an unknown key " + Texts.quote(key) + "; allowed: " + KEYS);
      }
      if (index < next) {
        throw new AuditFormatException(
            values[index] != null
                ? "audit event repeats key '" + key + "'"
                : "audit event key '"
                    + key
                    + "' is out of order: keys must come in the order "
                    + KEYS);
      }
      requirePresent(values, next, index);
      next = index + 1;
      JsonToken value = p.nextToken();
      if (key.equals("v")) {
        if (value != JsonToken.VALUE_NUMBER_INT
            || p.getLongValue() != AuditEventCodec.FORMAT_VERSION) {
          throw new AuditFormatException(
              "audit event format version "
                  + Texts.quote(p.getText())
                  + " is not supported; "
                  + "expected "
                  + AuditEventCodec.FORMAT_VERSION);
        }
        values[index] = p.getText();
      } else if (key.equals("details")) {
        readDetails(p, value, details);
        values[index] = "";
      } else {
        if (value != JsonToken.VALUE_STRING) {
          throw new AuditFormatException(
              "audit event key '" + key + "' must hold a string, got " + value);
        }
        values[index] = p.getText();
      }
    }
    requirePresent(values, next, KEYS.size());
    if (p.nextToken() != null) {
      throw new AuditFormatException("audit event has content after its closing brace");
    }
    return new AuditEvent(
        values[1],
        Instant.parse(values[2]),
        Optional.ofNullable(values[3]).map(TenantId::of),
        values[4],
        values[5],
        values[6],
        outcome(values[7]),
        Optional.ofNullable(values[8]),
        Optional.ofNullable(values[9]),
        details);
  }

  private static void readDetails(JsonParser p, JsonToken value, TreeMap<String, String> details)
      throws IOException {
    if (value != JsonToken.START_OBJECT) {
      throw new AuditFormatException("audit event key 'details' must hold an object, got " + value);
    }
    String previous = null;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      if (previous != null && key.compareTo(previous) <= 0) {
        throw new AuditFormatException(
            key.equals(previous)
                ? "audit event details repeat key " + Texts.quote(key)
                : "audit event details key "
                    + Texts.quote(key)
                    + " is out of order: keys must be sorted");
      }
      previous = key;
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw new AuditFormatException(
            "audit event details[" + Texts.quote(key) + "] must hold a string");
      }
      details.put(key, p.getText());
    }
    if (previous == null) {
      throw new AuditFormatException("audit event has empty 'details': they must be left out");
    }
  }

  private static void requirePresent(String[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      if (values[i] == null && REQUIRED.contains(KEYS.get(i))) {
        throw new AuditFormatException("audit event lacks required key '" + KEYS.get(i) + "'");
      }
    }
  }

  private static AuditOutcome outcome(String name) {
    for (AuditOutcome o : AuditOutcome.values()) {
      if (o.name().equals(name)) {
        return o;
      }
    }
    throw new AuditFormatException(
        "audit event outcome "
            + Texts.quote(name)
            + " is unknown; allowed: "
            + List.of(AuditOutcome.values()));
  }
}
