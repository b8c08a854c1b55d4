package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.FrameReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A log directory opened for tampering, as an insider with file access but without the chain key
 * would: the frame payloads of each segment, rewritten with valid frames and CRCs.
 */
final class TamperedLog {
  final Path directory;
  final List<Path> files;
  final List<List<byte[]>> payloads = new ArrayList<>();

  TamperedLog(Path directory) throws IOException {
    this.directory = directory;
    this.files = TestLog.segments(directory);
    for (Path file : files) {
      List<byte[]> frames = new ArrayList<>();
      try (FrameReader reader = SegmentFormat.FORMAT.reader(file, Files.size(file))) {
        reader.readHeader();
        for (var step = reader.next();
            step.kind() == FrameReader.Kind.RECORD;
            step = reader.next()) {
          frames.add(step.payload());
        }
      }
      payloads.add(frames);
    }
  }

  /** Returns the segment index and position within it of entry {@code sequence}. */
  int[] locate(long sequence) {
    long first = 0;
    for (int s = 0; s < payloads.size(); s++) {
      if (sequence < first + payloads.get(s).size()) {
        return new int[] {s, (int) (sequence - first)};
      }
      first += payloads.get(s).size();
    }
    throw new IllegalArgumentException("no entry " + sequence);
  }

  byte[] payload(long sequence) {
    int[] at = locate(sequence);
    return payloads.get(at[0]).get(at[1]);
  }

  void setPayload(long sequence, byte[] payload) {
    int[] at = locate(sequence);
    payloads.get(at[0]).set(at[1], payload);
  }

  void remove(long sequence) {
    int[] at = locate(sequence);
    payloads.get(at[0]).remove(at[1]);
  }

  /** Re-encodes {@code record} as a payload. */
  static byte[] encode(AuditRecord record) {
    return SegmentFormat.payload(record);
  }

  /** Returns a payload with {@code event} and a matching leaf hash but the same chain value. */
  static byte[] withEvent(byte[] payload, long sequence, byte[] event) {
    AuditRecord old = SegmentFormat.decode(payload);
    byte[] leaf = MerkleHashes.leaf(event);
    return encode(AuditRecord.keyed(sequence, event, leaf, old.chain()));
  }

  /** Overwrites entry {@code sequence} of {@code leaves.hashes}. */
  void setLeaf(long sequence, byte[] leaf) throws IOException {
    try (FileChannel channel =
        FileChannel.open(directory.resolve(LeavesFile.NAME), StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(leaf), LeavesFile.HEADER + 32 * sequence);
    }
  }

  /** Writes every segment back, with valid frames. */
  void write() throws IOException {
    for (int s = 0; s < files.size(); s++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(SegmentFormat.FORMAT.header());
      for (byte[] payload : payloads.get(s)) {
        out.write(SegmentFormat.FORMAT.frame(payload));
      }
      Files.write(files.get(s), out.toByteArray());
    }
  }
}
