package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an {@link AuditQuery} by scanning the sink in sequence order, in chunks, until the limit is
 * reached. Before decoding a record it looks for the byte patterns a match must contain ({@code
 * "tenant":"acme"}, {@code "actor":"..."}, {@code "action":"note.}): in the canonical encoding a
 * {@code "} inside a string is always escaped, so such a pattern can only come from a key and its
 * value and the filter never drops a match; candidates are then decoded and checked exactly.
 * Stateless apart from one query's needles; confined to the calling thread.
 */
final class QueryScanner {
  private static final int CHUNK = 512;

  private final AuditQuery query;
  private final Optional<String> storedActor;
  private final List<byte[]> needles = new ArrayList<>(3);

  /**
   * @param storedActor the actor as stored (its pseudonym when the log pseudonymizes), if the query
   *     filters by actor
   */
  QueryScanner(AuditQuery query, Optional<String> storedActor) {
    this.query = query;
    this.storedActor = storedActor;
    query.tenant().ifPresent(t -> needles.add(needle("tenant", t.value(), true)));
    storedActor.ifPresent(a -> needles.add(needle("actor", a, true)));
    query
        .action()
        .ifPresent(
            a ->
                needles.add(
                    a.endsWith(".*")
                        ? needle("action", a.substring(0, a.length() - 1), false)
                        : needle("action", a, true)));
  }

  private static byte[] needle(String key, String value, boolean whole) {
    byte[] json = CanonicalJsonWriter.get().string(value).toByteArray();
    String prefix = "\"" + key + "\":";
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    int valueLength = whole ? json.length : json.length - 1; // a prefix keeps its string open
    byte[] out = new byte[p.length + valueLength];
    System.arraycopy(p, 0, out, 0, p.length);
    System.arraycopy(json, 0, out, p.length, valueLength);
    return out;
  }

  List<AuditEntry> scan(AuditSink sink) {
    List<AuditEntry> out = new ArrayList<>();
    long end = sink.size();
    long position = query.afterSequence().isPresent() ? query.afterSequence().getAsLong() + 1 : 0;
    while (out.size() < query.limit()) {
      position = Math.max(position, sink.firstRetained());
      if (position >= end) {
        break;
      }
      long chunkEnd = Math.min(end, position + CHUNK);
      try {
        sink.read(position, chunkEnd, r -> consider(r, out));
      } catch (IllegalArgumentException e) {
        if (sink.firstRetained() <= position) {
          throw e;
        }
        long retry =
            position; // retention removed the chunk's start meanwhile: skip what it removed
        out.removeIf(entry -> entry.sequence() >= retry);
        continue;
      }
      position = chunkEnd;
    }
    return List.copyOf(out);
  }

  private void consider(AuditRecord record, List<AuditEntry> out) {
    if (out.size() >= query.limit()) {
      return;
    }
    ByteBuffer bytes = record.event();
    for (byte[] needle : needles) {
      if (!contains(bytes, needle)) {
        return;
      }
    }
    AuditEvent event = AuditEventCodec.decode(record.eventBytes());
    if (query.matchesIgnoringActor(event)
        && storedActor.map(a -> a.equals(event.actor())).orElse(true)) {
      out.add(new AuditEntry(record.sequence(), event, record.leafHash()));
    }
  }

  static boolean contains(ByteBuffer haystack, byte[] needle) {
    int last = haystack.limit() - needle.length;
    outer:
    for (int i = 0; i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack.get(i + j) != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
