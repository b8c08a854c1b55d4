package dev.tdeveloper.security.waf.engine;

/**
 * The working memories finished transactions gave back, most recently given back first: a
 * transaction takes the copy a core touched last (likely still in its caches), not one its thread
 * last touched many requests ago, and a server with many request threads keeps about as many copies
 * as transactions run at once, not one per thread. Bounded: beyond {@code capacity} idle copies a
 * given-back one is left to the garbage collector. Thread-safe: one short lock per take and give,
 * and a copy taken is off the stack, so no two transactions ever hold the same one.
 */
final class IdleMemories {
  private final TransactionMemory[] stack;
  private int size;

  /**
   * An empty stack.
   *
   * @param capacity the idle memories kept at most, at least 1
   * @throws IllegalArgumentException when {@code capacity} is below 1
   */
  IdleMemories(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: " + capacity + "; allowed: at least 1");
    }
    stack = new TransactionMemory[capacity];
  }

  /** The memory given back last and not taken since, removed; null when none is idle. */
  synchronized TransactionMemory take() {
    if (size == 0) {
      return null;
    }
    TransactionMemory m = stack[--size];
    stack[size] = null;
    return m;
  }

  /**
   * Keeps an emptied memory for the next {@link #take}, unless {@code capacity} are already idle.
   *
   * @return whether it was kept
   */
  synchronized boolean give(TransactionMemory m) {
    if (size == stack.length) {
      return false;
    }
    stack[size++] = m;
    return true;
  }

  /** The number of idle memories. */
  synchronized int size() {
    return size;
  }
}
