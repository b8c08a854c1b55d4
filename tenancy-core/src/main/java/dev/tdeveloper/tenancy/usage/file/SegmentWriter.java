package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes frames to the segment file being appended to and rolls on to the next segment file. */
final class SegmentWriter {
  private final Path directory;
  private long index;
  private FileChannel channel;
  private volatile long position; // read under the store's lock while a force writes

  /** Opens (creating it, with its header, if missing or empty) segment {@code index}. */
  SegmentWriter(Path directory, long index) throws IOException {
    this.directory = directory;
    this.index = index;
    Path last = SegmentFiles.path(directory, index);
    this.channel = FileChannel.open(last, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      this.position = channel.size();
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
    ByteBuffer buffer = ByteBuffer.wrap(frame);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    position += frame.length;
  }

  void force() throws IOException {
    channel.force(true);
  }

  /** Closes the current segment and creates the next one; the caller forced it first. */
  void roll() throws IOException {
    channel.close();
    index++;
    channel =
        FileChannel.open(
            SegmentFiles.path(directory, index),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    writeHeader();
  }

  void close() throws IOException {
    channel.close();
  }

  private void writeHeader() throws IOException {
    ByteBuffer header = ByteBuffer.wrap(EventCodec.FORMAT.header());
    while (header.hasRemaining()) {
      channel.write(header, header.position());
    }
    channel.force(true);
    DurableFiles.syncDirectory(directory);
    position = RecordFormat.HEADER;
    channel.position(position);
  }
}
