package dev.tdeveloper.backend.aws.s3;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per object key, held only while some thread wants it: work on a key waits for other work
 * on the same key and for nothing else. (Striped locks made a chunk put wait for an unrelated put
 * whose key hashed to the same stripe, which with 16 puts in flight and 64 stripes happened on most
 * waves; against a slow server each wait costs a whole round trip.) A key's entry is removed when
 * its last user leaves, so the map holds at most one entry per thread in {@link #run}. Thread-safe.
 */
final class KeyLocks {
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int users; // guarded by the map's bin lock (changed only in compute)
  }

  /** Runs {@code work} holding {@code key}'s lock and returns its result. */
  <T> T run(String key, Supplier<T> work) {
    Entry entry =
        entries.compute(
            key,
            (k, existing) -> {
              Entry e = existing == null ? new Entry() : existing;
              e.users++;
              return e;
            });
    entry.lock.lock();
    try {
      return work.get();
    } finally {
      entry.lock.unlock();
      entries.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }
  }

  /** Returns how many keys are locked or waited for now. */
  int size() {
    return entries.size();
  }
}
