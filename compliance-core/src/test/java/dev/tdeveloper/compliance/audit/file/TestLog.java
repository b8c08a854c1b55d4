package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds keyed audit records for tests, continuing one chain. Not thread-safe. */
final class TestLog {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final KeyedChain CHAIN = KeyedChain.withKey(KEY);

  private byte[] chain = KeyedChain.start();
  private long next;

  TestLog() {}

  /** Continues a log of {@code size} entries whose last chain value is {@code chain}. */
  TestLog(long size, byte[] chain) {
    this.next = size;
    this.chain = chain.clone();
  }

  /** Continues at {@code first} (entries before it are recomputed, so the chain matches). */
  static TestLog from(long first) {
    TestLog log = new TestLog();
    log.next(Math.toIntExact(first));
    return log;
  }

  static byte[] event(long sequence) {
    int pad = (int) (sequence * 7919 % 180);
    return ("{\"seq\":"
            + sequence
            + ",\"actor\":\"user-"
            + sequence % 13
            + "\",\"pad\":\""
            + "p".repeat(pad)
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the next {@code count} records. */
  List<AuditRecord> next(int count) {
    List<AuditRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++, next++) {
      byte[] event = event(next);
      byte[] leaf = MerkleHashes.leaf(event);
      chain = CHAIN.next(chain, next, leaf);
      records.add(AuditRecord.keyed(next, event, leaf, chain));
    }
    return records;
  }

  long size() {
    return next;
  }

  static List<Path> segments(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("segments"))) {
      return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
    }
  }

  static List<AuditRecord> readAll(FileAuditSink sink) {
    List<AuditRecord> out = new ArrayList<>();
    sink.read(sink.firstRetained(), sink.size(), out::add);
    return out;
  }

  static VerificationReport verify(Path directory) {
    return AuditVerifier.builder(directory).chain(CHAIN).build().verify();
  }

  /** Returns the byte offsets of the frames of a segment file, and its end as the last element. */
  static List<Long> frameOffsets(Path segment) throws IOException {
    List<Long> offsets = new ArrayList<>();
    try (var reader = SegmentFormat.FORMAT.reader(segment, Files.size(segment))) {
      reader.readHeader();
      var step = reader.next();
      for (;
          step.kind() == dev.tdeveloper.tenancy.internal.FrameReader.Kind.RECORD;
          step = reader.next()) {
        offsets.add(step.offset());
      }
      offsets.add(step.offset());
    }
    return offsets;
  }

  /** Copies a log directory (files and the segments folder) to {@code target}. */
  static Path copy(Path source, Path target) throws IOException {
    Files.createDirectories(target.resolve("segments"));
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, target.resolve(source.relativize(file).toString()));
      }
    }
    return target;
  }
}
