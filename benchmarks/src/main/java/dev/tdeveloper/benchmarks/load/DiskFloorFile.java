package dev.tdeveloper.benchmarks.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The disk floor probe's one file: {@value #FILE_BYTES} bytes of zeros written and forced once at
 * open, then used as a ring of {@value #RECORD_BYTES}-byte records written in place, each batch
 * forced with {@code force(false)}, as the demo's preallocated usage and quota logs are (a
 * data-only force of blocks already written commits no file-system metadata). Deleted on {@link
 * #close()}. Not thread-safe: the probe's thread alone writes.
 */
final class DiskFloorFile implements DiskFloorProbe.Disk {
  /** Bytes per record, about a usage event's frame. */
  static final int RECORD_BYTES = 300;

  /** The ring's size, preallocated. */
  static final int FILE_BYTES = 1 << 20;

  private static final int SLOTS = FILE_BYTES / RECORD_BYTES;

  private final Path path;
  private final FileChannel channel;
  private final ByteBuffer batch = ByteBuffer.allocateDirect(SLOTS * RECORD_BYTES);
  private long sequence;

  private DiskFloorFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Creates the file in {@code dir}, writes its zeros and forces them with the file's metadata.
   *
   * @throws IOException if the file cannot be created or written (nothing is left behind)
   */
  static DiskFloorFile create(Path dir) throws IOException {
    Path path = Files.createTempFile(dir, "disk-floor-", ".probe");
    try {
      FileChannel channel =
          FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        ByteBuffer zeros = ByteBuffer.allocate(FILE_BYTES);
        while (zeros.hasRemaining()) {
          channel.write(zeros, zeros.position());
        }
        channel.force(true);
        return new DiskFloorFile(path, channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(path);
      throw e;
    }
  }

  /** Returns where the file is. */
  Path path() {
    return path;
  }

  @Override
  public void appendAndForce(int count) throws IOException {
    int left = count;
    while (left > 0) {
      int slot = (int) (sequence % SLOTS);
      int n = Math.min(left, SLOTS - slot); // up to the ring's end, then from its start
      batch.clear();
      for (int k = 0; k < n; k++) {
        frame(sequence + k);
      }
      batch.flip();
      long position = (long) slot * RECORD_BYTES;
      while (batch.hasRemaining()) {
        channel.write(batch, position + batch.position());
      }
      sequence += n;
      left -= n;
    }
    channel.force(false);
  }

  /** A usage-event-like frame: length, CRC-32C of the body, the body padded to the record size. */
  private void frame(long seq) {
    String text =
        "{\"tenant\":\"disk-floor\",\"kind\":\"probe\",\"sequence\":"
            + seq
            + ",\"units\":1,\"note\":\"the load test's disk floor probe\"}";
    byte[] body = new byte[RECORD_BYTES - 8];
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(utf8, 0, body, 0, Math.min(utf8.length, body.length));
    java.util.Arrays.fill(body, utf8.length, body.length, (byte) ' ');
    CRC32C crc = new CRC32C();
    crc.update(body);
    batch.putInt(body.length).putInt((int) crc.getValue()).put(body);
  }

  /** Closes and deletes the file. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(path);
    }
  }
}
