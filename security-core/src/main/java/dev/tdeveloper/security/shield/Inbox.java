package dev.tdeveloper.security.shield;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The events of one {@link Stripe} taken without its lock: two bounded buffers, one filling, that
 * callers append to by one atomic increment while its limit allows, and that the stripe's next
 * holder swaps and then applies in the order taken ({@link #drain}) — callers go on filling the
 * other buffer meanwhile.
 *
 * <p>The state word holds the filling buffer (bit 48), its limit (bits 32-47: how many events it
 * may take) and its tail (low 32 bits: how many were asked for). A caller that finds the tail at
 * the limit takes the lock instead. The holder sets each limit so that no key can go over the
 * threshold through the events taken before the next swap (see {@link Stripe#headroom}), so every
 * event taken here answers "not heavy", as it would have under the lock.
 *
 * <p>Thread-safe: {@link #offer} from any thread; {@link #drain} under the stripe's lock.
 */
final class Inbox<K> {
  /** The most events one buffer holds. */
  static final int CAPACITY = 256;

  private static final long BUFFER_BIT = 1L << 48;
  private static final int SPINS_BEFORE_YIELD = 64;

  private final AtomicLong state;
  private final Buffer<K> first = new Buffer<>();
  private final Buffer<K> second = new Buffer<>();

  /** One buffer: the events' fields, the key written last (it marks the entry as written). */
  private static final class Buffer<K> {
    final AtomicReferenceArray<K> keys = new AtomicReferenceArray<>(CAPACITY);
    final int[] hashes = new int[CAPACITY];
    final long[] epochs = new long[CAPACITY];
    final int[] slots = new int[CAPACITY];
  }

  /** An inbox whose first buffer takes up to {@code limit} events. */
  Inbox(int limit) {
    this.state = new AtomicLong((long) limit << 32);
  }

  /**
   * Takes one event of {@code key} at bucket {@code epoch} (at {@code slot} of the ring) if the
   * limit allows; returns false, taking nothing, if the caller must count it under the lock.
   */
  boolean offer(K key, int hash, long epoch, int slot) {
    long word = state.getAndIncrement();
    int index = (int) word;
    if (index >= limit(word)) {
      return false;
    }
    Buffer<K> buffer = (word & BUFFER_BIT) == 0 ? first : second;
    buffer.hashes[index] = hash;
    buffer.epochs[index] = epoch;
    buffer.slots[index] = slot;
    buffer.keys.set(index, key); // publishes the fields above to the holder that reads the key
    return true;
  }

  /**
   * Under the stripe's lock: swaps the buffers, letting {@code headroom} minus the events taken
   * minus one (the holder's own event) into the other, then counts the events taken, in the order
   * taken, into {@code stripe}.
   */
  void drain(Stripe<K> stripe, long headroom) {
    long word;
    int taken;
    do {
      word = state.get();
      taken = Math.min((int) word, limit(word));
      long limit = Math.max(0, Math.min(CAPACITY, headroom - taken - 1));
      long next = ((word & BUFFER_BIT) ^ BUFFER_BIT) | (limit << 32);
      if (state.compareAndSet(word, next)) {
        break;
      }
    } while (true);
    Buffer<K> buffer = (word & BUFFER_BIT) == 0 ? first : second;
    for (int i = 0; i < taken; i++) {
      K key = awaitKey(buffer.keys, i);
      buffer.keys.set(i, null);
      stripe.apply(key, buffer.hashes[i], buffer.epochs[i], buffer.slots[i]);
    }
  }

  private static int limit(long word) {
    return (int) (word >>> 32) & 0xffff;
  }

  /** Returns the key at {@code index}, waiting for the caller that took that index to write it. */
  private static <K> K awaitKey(AtomicReferenceArray<K> keys, int index) {
    K key;
    for (int spins = 0; (key = keys.get(index)) == null; spins++) {
      if (spins < SPINS_BEFORE_YIELD) {
        Thread.onSpinWait();
      } else {
        Thread.yield(); // the writer was descheduled between taking the index and writing
      }
    }
    return key;
  }
}
