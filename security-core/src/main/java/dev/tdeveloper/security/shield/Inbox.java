package dev.tdeveloper.security.shield;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The events of one {@link Stripe} taken without its lock: a bounded buffer that callers append to
 * by one atomic increment while the stripe's holder has allowed it ({@link #open}), and that the
 * next holder applies in the order taken ({@link #drainAndClose}).
 *
 * <p>The state word holds the limit (high 32 bits: how many events may be taken before the next
 * holder) and the tail (low 32 bits: how many were asked for). A caller that finds the tail at the
 * limit takes the lock instead. The holder sets the limit so that no key can go over the threshold
 * through the events taken meanwhile (see {@link Stripe#headroom}), so every event taken here
 * answers "not heavy", as it would have under the lock.
 *
 * <p>Thread-safe: {@link #offer} from any thread; the other methods under the stripe's lock.
 */
final class Inbox<K> {
  /** The most events held between two holders of the lock. */
  static final int CAPACITY = 256;

  private static final int SPINS_BEFORE_YIELD = 64;

  private final AtomicLong state = new AtomicLong();
  private final AtomicReferenceArray<K> keys = new AtomicReferenceArray<>(CAPACITY);
  private final int[] hashes = new int[CAPACITY];
  private final long[] epochs = new long[CAPACITY];
  private final int[] slots = new int[CAPACITY];

  /**
   * Takes one event of {@code key} at bucket {@code epoch} (at {@code slot} of the ring) if the
   * limit allows; returns false, taking nothing, if the caller must count it under the lock.
   */
  boolean offer(K key, int hash, long epoch, int slot) {
    long word = state.getAndIncrement();
    int index = (int) word;
    if (index >= (int) (word >>> 32)) {
      return false;
    }
    hashes[index] = hash;
    epochs[index] = epoch;
    slots[index] = slot;
    keys.set(index, key); // publishes the fields above to the holder that reads the key
    return true;
  }

  /**
   * Under the stripe's lock: counts every event taken, in the order taken, into {@code stripe},
   * then closes the inbox (limit 0) until {@link #open}.
   */
  void drainAndClose(Stripe<K> stripe) {
    int done = 0;
    while (true) {
      long word = state.get();
      int end = Math.min((int) word, (int) (word >>> 32));
      for (; done < end; done++) {
        K key = awaitKey(done);
        keys.set(done, null);
        stripe.apply(key, hashes[done], epochs[done], slots[done]);
      }
      if (state.compareAndSet(word, 0L)) {
        return;
      }
    }
  }

  /** Under the stripe's lock, after {@link #drainAndClose}: lets {@code limit} events in. */
  void open(int limit) {
    state.set((long) limit << 32);
  }

  /** Returns the key at {@code index}, waiting for the caller that took that index to write it. */
  private K awaitKey(int index) {
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
