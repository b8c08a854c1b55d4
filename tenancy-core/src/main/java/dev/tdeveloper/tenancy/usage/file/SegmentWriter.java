package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes frames to the segment file being appended to and rolls on to the next segment file.
 *
 * <p>The file is preallocated: when a write would pass its end, {@value #CHUNK} bytes of zeros are
 * appended and forced with the file's new size, so the writes between two extensions change no
 * metadata and {@link #force()} is a data-only force ({@code fdatasync}), which on a journalling
 * file system skips the journal commit that a growing file's every force needs. A zero tail left by
 * a crash is cut on open ({@link SegmentFiles#recover}); rolling and closing cut it first, so only
 * the last segment can ever have one.
 */
final class SegmentWriter {
  /** Bytes of zeros appended when a write would pass the file's end: {@value} (1 MiB). */
  static final int CHUNK = 1 << 20;

  private final Path directory;
  private long index;
  private FileChannel channel;
  private volatile long position; // read under the store's lock while a force writes
  private long allocated; // the file's size: position plus the zeros after it

  /** Opens (creating it, with its header, if missing or empty) segment {@code index}. */
  SegmentWriter(Path directory, long index) throws IOException {
    this.directory = directory;
    this.index = index;
    Path last = SegmentFiles.path(directory, index);
    this.channel = FileChannel.open(last, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      this.position = channel.size(); // recovery cut any zero tail
      this.allocated = position;
      if (position == 0) {
        writeHeader();
      }
      channel.position(position);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Returns the index of the segment being appended to. */
  long index() {
    return index;
  }

  /** Returns the length of the segment being appended to. */
  long position() {
    return position;
  }

  /**
   * Whether a frame of {@code length} bytes, after {@code buffered} bytes not yet written, would
   * overfill a segment already holding a record.
   */
  boolean full(long buffered, int length, long segmentSize) {
    long used = position + buffered;
    return used + length > segmentSize && used > RecordFormat.HEADER;
  }

  void write(byte[] frame) throws IOException {
    if (position + frame.length > allocated) {
      allocate(position + frame.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(frame);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    position += frame.length;
  }

  /** Forces what was written: data only, the file's size being already durable. */
  void force() throws IOException {
    channel.force(false);
  }

  /**
   * Closes the current segment, cut to its records, and creates the next one; the caller forced it
   * first.
   */
  void roll() throws IOException {
    trim();
    channel.close();
    index++;
    channel =
        FileChannel.open(
            SegmentFiles.path(directory, index),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    writeHeader();
  }

  /** Closes the segment, first cutting its zero tail when {@code trim} (after a last force). */
  void close(boolean trim) throws IOException {
    try {
      if (trim) {
        trim();
      }
    } finally {
      channel.close();
    }
  }

  /** Appends zeros up to at least {@code end} and past it by a chunk, forcing the new size. */
  private void allocate(long end) throws IOException {
    long target = Math.max(end, allocated + CHUNK);
    DurableFiles.appendZeros(channel, allocated, target);
    allocated = target;
  }

  /** Cuts the zeros after the records and forces the size, so the file ends at its last record. */
  private void trim() throws IOException {
    if (allocated > position) {
      channel.truncate(position);
      channel.force(true);
      allocated = position;
    }
  }

  private void writeHeader() throws IOException {
    ByteBuffer header = ByteBuffer.wrap(EventCodec.FORMAT.header());
    while (header.hasRemaining()) {
      channel.write(header, header.position());
    }
    channel.force(true);
    DurableFiles.syncDirectory(directory);
    position = RecordFormat.HEADER;
    allocated = position;
    channel.position(position);
  }
}
