package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.FrameReader;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The small {@code state} file of a log directory, replaced atomically ({@link
 * DurableFiles#replace}): the first retained sequence, the keyed-chain value of the entry just
 * before it (the <em>anchor</em>: retention keeps it so that the chain of the first retained entry
 * can still be recomputed and checked; empty for an unkeyed log or when nothing was removed) and
 * when each sealed segment was sealed, by the sink's clock, for age-based retention. One CRC32C
 * frame with payload {@code [long firstRetained][byte n][n-byte anchor][int k][k x (long first,
 * long sealedAtEpochMillis)]}. Immutable.
 */
record LogState(long firstRetained, byte[] anchor, SortedMap<Long, Instant> sealedAt) {
  static final String NAME = "state";
  static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDAUDST1".getBytes(StandardCharsets.US_ASCII), 1 << 24);

  LogState {
    sealedAt = Collections.unmodifiableSortedMap(new TreeMap<>(sealedAt));
  }

  /** The state of a new log. */
  static LogState initial() {
    return new LogState(0, new byte[0], new TreeMap<>());
  }

  /**
   * Reads the state of {@code directory}; a missing file is the initial state.
   *
   * @throws AuditLogCorruptException if the file is damaged
   */
  static LogState read(Path directory) throws IOException {
    Path file = directory.resolve(NAME);
    if (!Files.exists(file)) {
      return initial();
    }
    try (FrameReader reader = FORMAT.reader(file, Files.size(file))) {
      FrameReader.Step bad = reader.readHeader();
      if (bad != null) {
        throw new AuditLogCorruptException("is not an audit state file: " + bad.problem(), file, 0);
      }
      FrameReader.Step step = reader.next();
      if (step.kind() != FrameReader.Kind.RECORD) {
        throw new AuditLogCorruptException(
            "holds no intact state: " + step.problem(), file, step.offset());
      }
      try {
        return decode(step.payload());
      } catch (RuntimeException e) {
        throw new AuditLogCorruptException(
            "holds a malformed state: " + e.getMessage(), file, step.offset());
      }
    }
  }

  private static LogState decode(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    long first = in.getLong();
    byte[] anchor = new byte[in.get()];
    if (anchor.length != 0 && anchor.length != AuditRecord.HASH_LENGTH) {
      throw new IllegalArgumentException("anchor of " + anchor.length + " bytes");
    }
    in.get(anchor);
    int count = in.getInt();
    SortedMap<Long, Instant> sealed = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      sealed.put(in.getLong(), Instant.ofEpochMilli(in.getLong()));
    }
    if (first < 0 || in.hasRemaining()) {
      throw new IllegalArgumentException("first retained " + first + " or trailing bytes");
    }
    return new LogState(first, anchor, sealed);
  }

  /** Writes this state to {@code directory}, durably and atomically. */
  void write(Path directory) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(8 + 1 + anchor.length + 4 + 16 * sealedAt.size());
    out.putLong(firstRetained).put((byte) anchor.length).put(anchor).putInt(sealedAt.size());
    for (Map.Entry<Long, Instant> e : sealedAt.entrySet()) {
      out.putLong(e.getKey()).putLong(e.getValue().toEpochMilli());
    }
    byte[] frame = FORMAT.frame(out.array());
    DurableFiles.replace(
        directory.resolve(NAME),
        stream -> {
          stream.write(FORMAT.header());
          stream.write(frame);
        });
  }

  /** Returns this state with a seal time for segment {@code first}. */
  LogState sealed(long first, Instant at) {
    TreeMap<Long, Instant> times = new TreeMap<>(sealedAt);
    times.put(first, at);
    return new LogState(firstRetained, anchor, times);
  }

  /** Returns this state after retention removed every segment before {@code newFirst}. */
  LogState pruned(long newFirst, byte[] newAnchor) {
    return new LogState(newFirst, newAnchor, sealedAt.tailMap(newFirst));
  }
}
