package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The byte layout of a log directory's segment files, {@code segments/<20-digit first
 * sequence>.seg}: a {@link RecordFormat} header {@code TDAUDSG1}, then one CRC32C frame per entry
 * whose payload is {@code [long sequence][32-byte leaf hash][byte flags][32-byte chain if flags =
 * 1][event bytes]}, big-endian.
 */
final class SegmentFormat {
  /** Largest event encoding a sink stores: 4 MiB. */
  static final int MAX_EVENT_BYTES = 4 << 20;

  static final int FIXED = Long.BYTES + AuditRecord.HASH_LENGTH + 1;
  static final RecordFormat FORMAT =
      RecordFormat.crc32c(
          "TDAUDSG1".getBytes(StandardCharsets.US_ASCII),
          FIXED + AuditRecord.HASH_LENGTH + MAX_EVENT_BYTES);
  static final String DIRECTORY = "segments";
  static final String SUFFIX = ".seg";

  private static final Pattern NAME = Pattern.compile("\\d{20}\\.seg");

  private SegmentFormat() {}

  /** Returns the file name of the segment whose first entry is {@code first}. */
  static String name(long first) {
    return String.format("%020d%s", first, SUFFIX);
  }

  /** Returns the first sequence a segment file name stands for, if it is one. */
  static OptionalLong parseName(String fileName) {
    if (!NAME.matcher(fileName).matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(fileName.substring(0, 20)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Returns the frame payload of {@code record}. */
  static byte[] payload(AuditRecord record) {
    int chain = record.hasChain() ? AuditRecord.HASH_LENGTH : 0;
    ByteBuffer out = ByteBuffer.allocate(FIXED + chain + record.eventLength());
    out.putLong(record.sequence()).put(record.leafHash()).put((byte) (chain == 0 ? 0 : 1));
    if (chain != 0) {
      out.put(record.chain());
    }
    out.put(record.event());
    return out.array();
  }

  /**
   * Decodes a frame payload.
   *
   * @throws IllegalArgumentException if the payload is not a well-formed entry
   */
  static AuditRecord decode(byte[] payload) {
    if (payload.length <= FIXED) {
      throw new IllegalArgumentException("entry payload of " + payload.length + " bytes is short");
    }
    ByteBuffer in = ByteBuffer.wrap(payload);
    long sequence = in.getLong();
    byte[] leaf = new byte[AuditRecord.HASH_LENGTH];
    in.get(leaf);
    byte flags = in.get();
    if (flags != 0 && flags != 1) {
      throw new IllegalArgumentException("entry flags are " + flags + ", expected 0 or 1");
    }
    byte[] chain = new byte[flags == 1 ? AuditRecord.HASH_LENGTH : 0];
    if (in.remaining() <= chain.length) {
      throw new IllegalArgumentException("entry payload has no event bytes");
    }
    in.get(chain);
    byte[] event = new byte[in.remaining()];
    in.get(event);
    return flags == 1
        ? AuditRecord.keyed(sequence, event, leaf, chain)
        : AuditRecord.of(sequence, event, leaf);
  }
}
