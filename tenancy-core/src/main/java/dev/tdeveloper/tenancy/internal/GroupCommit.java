package dev.tdeveloper.tenancy.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for an append-only file: writers number their records and wait until a force covers
 * theirs; one flusher thread runs every force, each covering every record written before it
 * started.
 *
 * <p>A store writes its record under its own short lock, calls {@link #written()} (still under that
 * lock) and, after releasing it, {@link #await}. A waiter whose record is already covered returns
 * at once, without taking any lock; otherwise it queues and parks. The flusher, a daemon thread
 * named after the file, started by the first waiter that finds none, forces as long as anyone waits
 * (each force covering every record numbered before it started) and after each force wakes exactly
 * the waiters it covered. So no record waits behind more than one force that started after it was
 * written, no appender ever forces (a request never pays for leading, and never waits for a woken
 * appender to be scheduled before the next force can start), and the flusher ends once nobody has
 * waited for the idle period.
 *
 * <p>Steps that replace or close the file (a segment roll, a compaction, closing) run through
 * {@link #exclusive}, which never overlaps a force, so no force runs on a closed channel. The
 * store's own lock must be held when calling {@link #exclusive}, {@link #written()} and {@link
 * #poison}; the lock order is always the store's lock, then the force lock. The force itself must
 * not take the store's lock.
 *
 * <p>Once a force, a write or an exclusive step fails, the commit is poisoned: every waiter not yet
 * covered gets the failure, now or later. An appender interrupted while it waits goes on waiting
 * and returns with its interrupt flag set; the flusher clears a stray interrupt before each force
 * (it would close the channel). Thread-safe. A woken thread may receive one spurious {@link
 * LockSupport#unpark}, which {@link LockSupport#park} allows.
 */
public final class GroupCommit implements AutoCloseable {
  /** How long the flusher waits for a new waiter before it ends, by default: one second. */
  public static final Duration DEFAULT_IDLE = Duration.ofSeconds(1);

  /** An I/O step: the force of the file, or an exclusive step. */
  @FunctionalInterface
  public interface IoAction {
    /** Runs the step. */
    void run() throws IOException;
  }

  private final String name;
  private final IoAction force;
  private final long idleNanos;
  private final AtomicLong written = new AtomicLong();
  private final ReentrantLock forceLock = new ReentrantLock(); // held over a force or a file swap
  private final ReentrantLock queue = new ReentrantLock(); // waiters only; never held over I/O
  private final Condition work = queue.newCondition(); // an idle flusher waits here
  private final List<Waiter> waiters = new ArrayList<>(); // guarded by queue
  private Thread flusher; // guarded by queue; null while none runs
  private boolean flusherIdle; // guarded by queue
  private boolean closed; // guarded by queue
  private volatile long forced;
  private volatile IOException failure;

  /**
   * Creates a group commit whose force is {@code force} (of the file's current channel), with a
   * flusher named after {@code name} that ends after {@link #DEFAULT_IDLE} without waiters.
   */
  public GroupCommit(String name, IoAction force) {
    this(name, DEFAULT_IDLE, force);
  }

  /**
   * Creates a group commit whose flusher ends once nobody waited for {@code idle} (zero: as soon as
   * nobody waits).
   *
   * @throws IllegalArgumentException if {@code idle} is negative
   */
  public GroupCommit(String name, Duration idle, IoAction force) {
    this.name = Objects.requireNonNull(name, "name");
    this.force = Objects.requireNonNull(force, "force");
    if (Objects.requireNonNull(idle, "idle").isNegative()) {
      throw new IllegalArgumentException("idle must be zero or positive, was " + idle);
    }
    this.idleNanos = saturatedNanos(idle);
  }

  /**
   * Numbers a record just written: call it after the write returned, under the store's lock.
   *
   * @return the record's sequence, for {@link #await}
   */
  public long written() {
    return written.incrementAndGet();
  }

  /** Returns the highest sequence known to be forced. */
  public long forced() {
    return forced;
  }

  /** Returns the failure that poisoned this commit, if any (null otherwise). */
  public IOException failure() {
    return failure;
  }

  /** Records a write failure: waiters not yet covered, and later ones, get {@code cause}. */
  public void poison(IOException cause) {
    failure = Objects.requireNonNull(cause, "cause");
  }

  /**
   * Returns once record {@code sequence} is forced: at once if a force already covered it, else
   * after the flusher's force that covers it.
   *
   * @throws IOException the failure that poisoned the commit if it came before the record was
   *     covered
   * @throws IllegalStateException if the commit is closed and the record is not covered
   */
  public void await(long sequence) throws IOException {
    if (forced >= sequence) {
      return;
    }
    Waiter waiter = new Waiter(Thread.currentThread(), sequence);
    queue.lock();
    try {
      if (forced >= sequence) {
        return;
      }
      throwIfFailed();
      if (closed) {
        throw new IllegalStateException(
            "group commit of " + name + " is closed; record " + sequence + " was never forced");
      }
      waiters.add(waiter);
      try {
        wakeFlusher();
      } catch (RuntimeException | Error e) {
        waiters.remove(waiter);
        throw e;
      }
    } finally {
      queue.unlock();
    }
    boolean interrupted = false; // kept for the caller; a set flag would make park spin
    while (!waiter.released) {
      LockSupport.park(this);
      interrupted |= Thread.interrupted();
    }
    for (Waiter other : waiter.others) {
      LockSupport.unpark(other.thread);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (forced < sequence) {
      throw failure;
    }
  }

  /**
   * Runs {@code step} (which may close or swap the file) while no force runs; call {@link
   * #forcedAll()} inside it once the step has forced everything written. A failure poisons the
   * commit and is rethrown.
   */
  public void exclusive(IoAction step) throws IOException {
    forceLock.lock();
    try {
      step.run();
    } catch (IOException e) {
      failure = e;
      throw e;
    } finally {
      forceLock.unlock();
    }
  }

  /** Marks every record written so far as forced; only inside {@link #exclusive}. */
  public void forcedAll() {
    if (!forceLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("forcedAll() outside exclusive()");
    }
    forced = written.get();
  }

  /**
   * Forces what was written and is not yet covered (unless poisoned), releases every waiter, stops
   * the flusher and waits for it to end; later awaits of uncovered records throw. Call it after the
   * store's last write (and, if the store closes its file, after it forced and called {@link
   * #forcedAll()} in {@link #exclusive}). Idempotent.
   */
  @Override
  public void close() {
    Thread stopping;
    queue.lock();
    try {
      closed = true;
      stopping = flusher;
      if (flusherIdle) {
        work.signal();
      }
    } finally {
      queue.unlock();
    }
    round(); // what no waiter asked for yet; the flusher forces for those who wait
    boolean interrupted = false;
    while (stopping != null && stopping.isAlive()) {
      try {
        stopping.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns how many threads wait for a force (for tests). */
  int waiting() {
    queue.lock();
    try {
      return waiters.size();
    } finally {
      queue.unlock();
    }
  }

  /** Returns the flusher thread, if one runs (for tests). */
  Optional<Thread> flusher() {
    queue.lock();
    try {
      return Optional.ofNullable(flusher);
    } finally {
      queue.unlock();
    }
  }

  /** Starts a flusher if none runs, or wakes an idle one; under the queue lock. */
  private void wakeFlusher() {
    if (flusher == null) {
      Thread thread = new Thread(null, this::flush, "group-commit " + name, 0, false);
      thread.setDaemon(true);
      thread.start(); // before publishing: a thread that failed to start is never waited for
      flusher = thread;
    } else if (flusherIdle) {
      flusherIdle = false;
      work.signal();
    }
  }

  /** The flusher: a force for whoever waits, until nobody waited for the idle period. */
  private void flush() {
    while (awaitWork()) {
      round();
    }
  }

  /** Returns once someone waits, or false (the flusher ending) after the idle period or a close. */
  private boolean awaitWork() {
    queue.lock();
    try {
      long left = idleNanos;
      while (waiters.isEmpty()) {
        if (closed || left <= 0) {
          flusher = null;
          return false;
        }
        flusherIdle = true;
        try {
          left = work.awaitNanos(left);
        } catch (InterruptedException e) {
          // nobody owns the flusher to interrupt it; keep the remaining idle period
        } finally {
          flusherIdle = false;
        }
      }
      return true;
    } finally {
      queue.unlock();
    }
  }

  /**
   * Forces what was written, if not covered and not poisoned, then releases the waiters it covered
   * (every waiter if poisoned).
   */
  private void round() {
    // FileChannel.force would close the channel on an interrupt: the flag waits until after it
    boolean interrupted = Thread.interrupted();
    forceLock.lock();
    try {
      long upTo = written.get(); // read after every current waiter's record was numbered
      if (failure == null && forced < upTo) {
        force.run();
        forced = upTo;
      }
    } catch (IOException e) {
      failure = e;
    } catch (RuntimeException | Error e) {
      failure = new IOException("force of " + name + " failed: " + e, e);
    } finally {
      forceLock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    release();
  }

  /** Wakes the waiters whose records are forced, or every waiter once the commit is poisoned. */
  private void release() {
    List<Waiter> done = new ArrayList<>();
    queue.lock();
    try {
      long covered = forced;
      boolean poisoned = failure != null;
      int kept = 0;
      for (Waiter waiter : waiters) {
        if (poisoned || waiter.sequence <= covered) {
          done.add(waiter);
        } else {
          waiters.set(kept++, waiter);
        }
      }
      waiters.subList(kept, waiters.size()).clear();
    } finally {
      queue.unlock();
    }
    if (done.isEmpty()) {
      return;
    }
    // the flusher wakes one waiter, which wakes the others: the next force starts at once
    for (int i = 1; i < done.size(); i++) {
      done.get(i).released = true; // one that wakes spuriously may go already
    }
    Waiter first = done.get(0);
    first.others = done.size() > 1 ? done.subList(1, done.size()) : List.of();
    first.released = true;
    LockSupport.unpark(first.thread);
  }

  private void throwIfFailed() throws IOException {
    IOException cause = failure;
    if (cause != null) {
      throw cause;
    }
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** One thread waiting for its record to be forced. */
  private static final class Waiter {
    private final Thread thread;
    private final long sequence;
    private volatile boolean released;
    private List<Waiter> others = List.of(); // to wake, set before released

    private Waiter(Thread thread, long sequence) {
      this.thread = thread;
      this.sequence = sequence;
    }
  }
}
