package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.tenancy.internal.DirectoryLock;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.CRC32C;

/**
 * Hashes in files: one file {@code level-NN.hashes} of fixed 32-byte entries per level, in a
 * directory locked while open ({@link DirectoryLock}). The newest entries of each level wait in a
 * {@value #TAIL_ENTRIES}-entry tail in memory and go to the file in one write when the tail is full
 * (about one write per {@value #TAIL_ENTRIES} leaves for the whole tree, instead of two per leaf),
 * at {@link #force()}, which then makes them survive a power loss, and at {@link #close()}. A crash
 * of this process loses the tails; that is safe because recovery trusts only what the last force
 * made durable and rewrites the rest from the log.
 *
 * <p>Files are only ever appended to and cut back; recovery (in {@link MerkleTree#open}) decides
 * what to keep. Thread-safety: one writer, many readers. A reader takes an entry from the level's
 * current tail or, below it, with a positional read of the file: a tail is written out before the
 * next one replaces it and is never reused, so a reader still holding it finds every entry it had.
 */
final class FileHashStorage implements HashStorage {
  static final String LOCK_FILE = "tree.lock";

  /** Holds the leaf count of the last completed {@link #force()}: 8 bytes and their CRC32C. */
  static final String FORCED_FILE = "forced";

  /** How many entries of a level wait in memory before one write: {@value} (4 KiB). */
  static final int TAIL_ENTRIES = 128;

  private final Path directory;
  private final DirectoryLock lock;
  private final FileChannel[] channels = new FileChannel[MAX_LEVELS];
  private final long[] counts = new long[MAX_LEVELS];
  private final AtomicReferenceArray<Tail> tails = new AtomicReferenceArray<>(MAX_LEVELS);
  private final boolean[] dirty = new boolean[MAX_LEVELS];
  private volatile boolean closed;
  private long forcedLeaves;

  private FileHashStorage(Path directory, DirectoryLock lock) {
    this.directory = directory;
    this.lock = lock;
  }

  /** Locks {@code directory} (created if missing) and opens the level files there are. */
  static FileHashStorage open(Path directory) {
    DirectoryLock lock =
        DirectoryLock.acquire(
            directory,
            LOCK_FILE,
            "Merkle tree",
            f -> new ComplianceException(f.message(), f.cause()));
    FileHashStorage storage = new FileHashStorage(directory, lock);
    try {
      for (int level = 0; level < MAX_LEVELS; level++) {
        Path file = storage.file(level);
        if (Files.exists(file)) {
          storage.channels[level] = storage.openChannel(file);
          storage.counts[level] = storage.channels[level].size() / 32;
        }
      }
      storage.forcedLeaves = readForced(directory.resolve(FORCED_FILE));
      return storage;
    } catch (IOException | RuntimeException e) {
      storage.close();
      throw new ComplianceException("cannot open Merkle tree files in " + directory + ": " + e, e);
    }
  }

  /**
   * Returns the leaf count at the last completed {@link #force()}: every hash of a tree of that
   * size was on the device then. 0 when the marker is missing or damaged, so that recovery then
   * trusts nothing and rebuilds from the log.
   */
  long forcedLeaves() {
    return forcedLeaves;
  }

  private static long readForced(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length != 12) {
      return 0;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long leaves = buffer.getLong();
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, 8);
    return (int) crc.getValue() == buffer.getInt() && leaves >= 0 ? leaves : 0;
  }

  /** Returns the file of {@code level}. */
  Path file(int level) {
    return directory.resolve(String.format(Locale.ROOT, "level-%02d.hashes", level));
  }

  /**
   * Cuts {@code level} to {@code count} whole entries (dropping a torn partial entry too) and
   * forces the cut to the device.
   */
  void truncate(int level, long count) {
    try {
      writeTail(level);
      tails.set(level, null);
      FileChannel channel = channels[level];
      if (channel != null && channel.size() != count * 32) {
        channel.truncate(count * 32);
        channel.force(true);
      }
      counts[level] = Math.min(counts[level], count);
    } catch (IOException e) {
      throw new ComplianceException("cannot truncate " + file(level) + ": " + e, e);
    }
  }

  @Override
  public long count(int level) {
    return counts[level];
  }

  @Override
  public void read(int level, long index, byte[] into, int offset) {
    Tail tail = tails.get(level);
    if (tail != null && index >= tail.base) {
      System.arraycopy(tail.bytes, (int) (index - tail.base) * 32, into, offset, 32);
      return;
    }
    ByteBuffer buffer = ByteBuffer.wrap(into, offset, 32);
    long position = index * 32;
    try {
      while (buffer.hasRemaining()) {
        int n = channels[level].read(buffer, position);
        if (n < 0) {
          throw new ComplianceException(file(level) + " ends before entry " + index);
        }
        position += n;
      }
    } catch (IOException e) {
      throw new ComplianceException("cannot read " + file(level) + ": " + e, e);
    }
  }

  @Override
  public void append(int level, byte[] hash) {
    Tail tail = tails.get(level);
    if (tail == null || counts[level] - tail.base == TAIL_ENTRIES) {
      // A full tail is written out first, so a failed write appends nothing.
      try {
        writeTail(level);
      } catch (IOException e) {
        throw new ComplianceException("cannot append to " + file(level) + ": " + e, e);
      }
      tail = new Tail(counts[level]);
    }
    System.arraycopy(hash, 0, tail.bytes, (int) (counts[level] - tail.base) * 32, 32);
    tails.set(level, tail); // publishes a new tail only once the previous one is in the file
    counts[level]++;
  }

  /** Writes the entries of {@code level}'s tail that are not in its file yet. */
  private void writeTail(int level) throws IOException {
    Tail tail = tails.get(level);
    if (tail == null || tail.base + tail.written == counts[level]) {
      return;
    }
    if (channels[level] == null) {
      channels[level] = openChannel(file(level));
      DurableFiles.syncDirectory(directory);
    }
    int end = (int) (counts[level] - tail.base);
    ByteBuffer buffer = ByteBuffer.wrap(tail.bytes, tail.written * 32, (end - tail.written) * 32);
    long position = (tail.base + tail.written) * 32;
    while (buffer.hasRemaining()) {
      position += channels[level].write(buffer, position);
    }
    tail.written = end;
    dirty[level] = true;
  }

  /**
   * Forces every level file, then records the leaf count they now hold in the {@value FORCED_FILE}
   * marker (replaced atomically), which recovery trusts.
   */
  @Override
  public void force() {
    try {
      boolean any = false;
      for (int level = 0; level < MAX_LEVELS; level++) {
        writeTail(level);
        if (dirty[level]) {
          channels[level].force(false);
          dirty[level] = false;
          any = true;
        }
      }
      if (any || forcedLeaves != counts[0]) {
        long leaves = counts[0];
        ByteBuffer marker = ByteBuffer.allocate(12).putLong(leaves);
        CRC32C crc = new CRC32C();
        crc.update(marker.array(), 0, 8);
        marker.putInt((int) crc.getValue());
        DurableFiles.replace(directory.resolve(FORCED_FILE), out -> out.write(marker.array()));
        forcedLeaves = leaves;
      }
    } catch (IOException e) {
      throw new ComplianceException("cannot force Merkle tree files in " + directory + ": " + e, e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (int level = 0; level < MAX_LEVELS; level++) {
        writeTail(level);
      }
    } catch (IOException e) {
      closeChannels();
      throw new ComplianceException("cannot write Merkle tree files in " + directory + ": " + e, e);
    }
    closeChannels();
  }

  private void closeChannels() {
    try {
      for (FileChannel channel : channels) {
        if (channel != null) {
          channel.close();
        }
      }
    } catch (IOException e) {
      throw new ComplianceException("cannot close Merkle tree files in " + directory, e);
    } finally {
      lock.close();
    }
  }

  /**
   * The newest entries of a level, {@code [base, base + TAIL_ENTRIES)}, the first {@code written}
   * of them in the file too. Only the writer changes it, and only past the entries readers may ask
   * for (the tree publishes its size after the append).
   */
  private static final class Tail {
    final long base;
    final byte[] bytes = new byte[TAIL_ENTRIES * 32];
    int written;

    Tail(long base) {
      this.base = base;
    }
  }

  private FileChannel openChannel(Path file) throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }
}
