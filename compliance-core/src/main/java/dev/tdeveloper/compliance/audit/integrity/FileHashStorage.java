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
import java.util.zip.CRC32C;

/**
 * Hashes in files: one file {@code level-NN.hashes} of fixed 32-byte entries per level, in a
 * directory locked while open ({@link DirectoryLock}). Reads are positional, so concurrent readers
 * need no lock. Appends go to the operating system at once (a crash of this process loses none) and
 * {@link #force()} makes them survive a power loss.
 *
 * <p>Files are only ever appended to and cut back; recovery (in {@link MerkleTree#open}) decides
 * what to keep. Thread-safety: one writer, many readers.
 */
final class FileHashStorage implements HashStorage {
  static final String LOCK_FILE = "tree.lock";

  /** Holds the leaf count of the last completed {@link #force()}: 8 bytes and their CRC32C. */
  static final String FORCED_FILE = "forced";

  private final Path directory;
  private final DirectoryLock lock;
  private final FileChannel[] channels = new FileChannel[MAX_LEVELS];
  private final long[] counts = new long[MAX_LEVELS];
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
    try {
      if (channels[level] == null) {
        channels[level] = openChannel(file(level));
        DurableFiles.syncDirectory(directory);
      }
      ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 32);
      long position = counts[level] * 32;
      while (buffer.hasRemaining()) {
        position += channels[level].write(buffer, position);
      }
      counts[level]++;
      dirty[level] = true;
    } catch (IOException e) {
      throw new ComplianceException("cannot append to " + file(level) + ": " + e, e);
    }
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

  private FileChannel openChannel(Path file) throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }
}
