package dev.tdeveloper.compliance.audit;

import java.util.Map;
import java.util.Objects;

/**
 * The canonical encoding of an {@link AuditEvent}: the bytes the log stores and hashes, so one
 * event has exactly one encoding and a verifier can recompute every leaf hash. Stateless and
 * thread-safe.
 *
 * <p>The encoding is UTF-8 JSON without whitespace, with the keys in this fixed order: {@code v}
 * (the format version, {@value #FORMAT_VERSION}), {@code id}, {@code time} ({@link
 * java.time.Instant#toString()}, UTC), {@code tenant}, {@code actor}, {@code action}, {@code
 * resource}, {@code outcome} (the enum constant's name), {@code sourceIp}, {@code requestId} and
 * {@code details} (an object with its keys sorted). An absent tenant, source IP or request id, and
 * empty details, are left out. Strings are escaped as RFC 8785 (JCS) escapes them: only {@code "},
 * {@code \} and control characters, the latter as {@code \b \t \n \f \r} or <code>&#92;u00xx</code>
 * .
 *
 * <p>{@link #decode} is strict: it accepts exactly the bytes {@link #encode} produces and names the
 * first deviation (an unknown, missing, repeated or misplaced key, whitespace, another escape,
 * another version), so stored bytes can never mean something their hash does not cover.
 */
public final class AuditEventCodec {
  /** The format version written as {@code "v"}: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private AuditEventCodec() {}

  /**
   * Returns the canonical encoding of {@code event}. Fast: writes into a per-thread buffer, with no
   * intermediate tree.
   */
  public static byte[] encode(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    CanonicalJsonWriter w = CanonicalJsonWriter.get();
    w.raw("{\"v\":" + FORMAT_VERSION + ",\"id\":").string(event.id());
    w.raw(",\"time\":").instant(event.time());
    if (event.tenant().isPresent()) {
      w.raw(",\"tenant\":").string(event.tenant().get().value());
    }
    w.raw(",\"actor\":").string(event.actor());
    w.raw(",\"action\":").string(event.action());
    w.raw(",\"resource\":").string(event.resource());
    w.raw(",\"outcome\":").string(event.outcome().name());
    if (event.sourceIp().isPresent()) {
      w.raw(",\"sourceIp\":").string(event.sourceIp().get());
    }
    if (event.requestId().isPresent()) {
      w.raw(",\"requestId\":").string(event.requestId().get());
    }
    if (!event.details().isEmpty()) {
      w.raw(",\"details\":{");
      boolean first = true;
      for (Map.Entry<String, String> e : event.details().entrySet()) {
        if (!first) {
          w.raw(',');
        }
        first = false;
        w.string(e.getKey()).raw(':').string(e.getValue());
      }
      w.raw('}');
    }
    return w.raw('}').toByteArray();
  }

  /**
   * Decodes a canonical encoding.
   *
   * @param bytes exactly what {@link #encode} returned for some event
   * @return the event
   * @throws AuditFormatException if {@code bytes} are not a canonical encoding, naming what is
   *     wrong
   */
  public static AuditEvent decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    AuditEvent event = CanonicalEventReader.read(bytes);
    byte[] again = encode(event);
    if (!java.util.Arrays.equals(again, bytes)) {
      throw new AuditFormatException(
          "audit event is not in canonical form: first difference at byte "
              + java.util.Arrays.mismatch(again, bytes)
              + " (whitespace, escaping or number format differ from the canonical encoding)");
    }
    return event;
  }
}
