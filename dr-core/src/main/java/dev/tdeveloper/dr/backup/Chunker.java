package dev.tdeveloper.dr.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Content-defined chunking with FastCDC (Xia et al., 2016): a gear rolling hash over the bytes
 * after a chunk's minimum size, cut where the hash's masked bits are all zero, with normalized
 * chunking (a harder mask before the average size, an easier one after) so sizes cluster near the
 * average. Cut points depend only on the last 64 bytes, so an edit moves the boundaries around it
 * and the chunks after it are found again: what makes deduplication of edited files work.
 *
 * <p>Streams its input through a buffer of at most about twice the maximum chunk size, sized at
 * first by what the stream reports {@linkplain InputStream#available() available}; the gear table
 * comes from a fixed seed, so the same bytes always give the same chunks. Immutable and
 * thread-safe.
 */
public final class Chunker {
  private static final long GEAR_SEED = 0x5DEECE66DL ^ 0x6A09E667F3BCC908L;
  private static final long[] GEAR = gearTable();

  private final ChunkerSettings settings;
  private final long maskSmall;
  private final long maskLarge;

  private Chunker(ChunkerSettings settings) {
    this.settings = settings;
    int bits = Integer.numberOfTrailingZeros(settings.avg());
    // Normalization level 1: one bit harder before the average, one easier after it (level 2
    // clusters sizes tighter but resynchronizes later after an edit, losing more chunks).
    this.maskSmall = topBits(Math.min(bits + 1, 63));
    this.maskLarge = topBits(Math.max(bits - 1, 1));
  }

  /** Returns a chunker with the given bounds. */
  public static Chunker of(ChunkerSettings settings) {
    return new Chunker(Objects.requireNonNull(settings, "settings"));
  }

  /** Returns the bounds this chunker cuts within. */
  public ChunkerSettings settings() {
    return settings;
  }

  /** Receives the chunks of a stream, in order. */
  @FunctionalInterface
  public interface ChunkSink {
    /**
     * Receives one chunk: {@code length} bytes of {@code buffer} from {@code offset}. The buffer is
     * reused once this returns; copy what must be kept.
     */
    void accept(byte[] buffer, int offset, int length) throws IOException;
  }

  /**
   * Reads {@code in} to its end and hands every chunk to {@code sink}; an empty stream gives no
   * chunk. Does not close {@code in}.
   *
   * @throws IOException if reading fails or the sink throws it
   */
  public void chunk(InputStream in, ChunkSink sink) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sink, "sink");
    int max = settings.max();
    // Starts at what the stream says it holds (at least 1 KiB) and grows to its full size only for
    // streams that need it: most files of a tree are small, and zeroing a buffer of twice the
    // maximum chunk (or even 64 KiB) for each costs more than hashing them. A stream that reports
    // less than it holds only makes the buffer grow sooner.
    int capacity = Math.max(2 * max, 1 << 16);
    int reported = Math.max(0, in.available());
    byte[] buffer = new byte[(int) Math.min(capacity, Math.max(1 << 10, reported + 1L))];
    int start = 0;
    int end = 0;
    boolean eof = false;
    while (true) {
      while (!eof && end - start < max) {
        if (end == buffer.length) {
          if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
          } else {
            buffer = Arrays.copyOf(buffer, Math.min(capacity, 2 * buffer.length));
          }
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
          eof = true;
        } else {
          end += read;
        }
      }
      int available = end - start;
      if (available == 0) {
        return;
      }
      int cut = cutPoint(buffer, start, available);
      sink.accept(buffer, start, cut);
      start += cut;
    }
  }

  /** Returns the length of the chunk that starts at {@code offset}, given {@code n} bytes. */
  int cutPoint(byte[] buffer, int offset, int n) {
    int min = settings.min();
    if (n <= min) {
      return n;
    }
    int limit = Math.min(n, settings.max());
    int normal = Math.min(settings.avg(), limit);
    long hash = 0;
    int i = min;
    for (; i < normal; i++) {
      hash = (hash << 1) + GEAR[buffer[offset + i] & 0xff];
      if ((hash & maskSmall) == 0) {
        return i + 1;
      }
    }
    for (; i < limit; i++) {
      hash = (hash << 1) + GEAR[buffer[offset + i] & 0xff];
      if ((hash & maskLarge) == 0) {
        return i + 1;
      }
    }
    return limit;
  }

  private static long topBits(int count) {
    return -1L << (64 - count);
  }

  private static long[] gearTable() {
    // SplitMix64, written out so the table never depends on a JDK's random number generator.
    long[] table = new long[256];
    long state = GEAR_SEED;
    for (int i = 0; i < table.length; i++) {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      table[i] = z ^ (z >>> 31);
    }
    return table;
  }
}
