package dev.tdeveloper.tenancy.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for an append-only file: writers number their records, and a writer that must see
 * its record forced waits for a force that started after it was written, one force covering every
 * record written before it started.
 *
 * <p>Writers never wait behind a force: a store writes its record under its own short lock, then
 * calls {@link #written()} (still under that lock) and, after releasing it, {@link #await}. A
 * waiter whose record is already covered returns at once, without taking any lock. Otherwise it
 * joins the batch of waiters for the next force; the first waiter to find no force running leads:
 * it seals the open batch, forces, and wakes every thread of the batch once (no lock is handed from
 * waiter to waiter). Waiters that arrived during that force form the next batch, which the same
 * leader forces at once, up to {@value #ROUNDS} forces in a row: it is already running, whereas a
 * woken waiter must first be scheduled, which on a busy machine left the file idle for milliseconds
 * between forces. After that many rounds the first waiter of the next batch is woken to lead it, so
 * no leader's own record waits for more than that many forces. Records written while a force runs
 * are covered by the next one.
 *
 * <p>Steps that replace or close the file (a segment roll, a compaction, closing) run through
 * {@link #exclusive}, which never overlaps a force, so no force runs on a closed channel. The
 * store's own lock must be held when calling {@link #exclusive}, {@link #written()} and {@link
 * #poison}; the lock order is always the store's lock, then the force lock.
 *
 * <p>Once a force, a write or an exclusive step fails, the commit is poisoned: every waiter not yet
 * covered gets the failure, now or later. Thread-safe. A woken thread may receive one spurious
 * {@link LockSupport#unpark}, which {@link LockSupport#park} allows.
 */
public final class GroupCommit {
  /** How many forces in a row one leader runs while waiters queue behind it: {@value}. */
  static final int ROUNDS = 8;

  /** An I/O step: the force of the file, or an exclusive step. */
  @FunctionalInterface
  public interface IoAction {
    /** Runs the step. */
    void run() throws IOException;
  }

  private final IoAction force;
  private final AtomicLong written = new AtomicLong();
  private final ReentrantLock forceLock = new ReentrantLock(); // held over a force or a file swap
  private final ReentrantLock queue = new ReentrantLock(); // batches only; never held over I/O
  private Batch open = new Batch(); // waiters for the next force (guarded by queue)
  private boolean leading; // a leader is forcing or about to (guarded by queue)
  private volatile long forced;
  private volatile IOException failure;

  /** Creates a group commit whose force is {@code force} (of the file's current channel). */
  public GroupCommit(IoAction force) {
    this.force = Objects.requireNonNull(force, "force");
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
   * after the force that covers it (led by this thread or another).
   *
   * @throws IOException the failure that poisoned the commit if it came before the record was
   *     covered
   */
  public void await(long sequence) throws IOException {
    if (forced >= sequence) {
      return;
    }
    Batch batch;
    queue.lock();
    try {
      if (forced >= sequence) {
        return;
      }
      throwIfFailed();
      batch = open;
      if (leading) {
        batch.threads.add(Thread.currentThread());
      } else {
        leading = true;
        batch.leader = Thread.currentThread();
      }
    } finally {
      queue.unlock();
    }
    boolean interrupted = false; // kept for the caller; a set flag would make park spin
    while (!batch.done) {
      if (batch.leader == Thread.currentThread()) {
        lead(batch);
        break;
      }
      LockSupport.park(this);
      interrupted |= Thread.interrupted();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (batch.failure != null && forced < sequence) {
      throw batch.failure;
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
   * Forces for {@code batch}, then for the batches that queue meanwhile, up to {@link #ROUNDS} in a
   * row while no force fails; then hands the open batch over to its first waiter.
   */
  private void lead(Batch batch) {
    Batch current = batch;
    for (int round = 1; current != null; round++) {
      boolean failed = forceFor(current);
      current = next(!failed && round < ROUNDS);
    }
  }

  /**
   * Seals {@code batch}, forces what was written before, wakes its threads.
   *
   * @return whether the commit is poisoned
   */
  private boolean forceFor(Batch batch) {
    queue.lock();
    try {
      open = new Batch(); // from here on arrivals wait for the next force
    } finally {
      queue.unlock();
    }
    IOException error = null;
    // an interrupt during FileChannel.force closes the channel: the flag waits until after it
    boolean interrupted = Thread.interrupted();
    forceLock.lock();
    try {
      long upTo = written.get(); // read after the seal: covers every record of the batch
      error = failure;
      if (error == null && forced < upTo) {
        force.run();
        forced = upTo;
      }
    } catch (IOException e) {
      failure = e;
      error = e;
    } catch (RuntimeException | Error e) {
      error = new IOException("force failed: " + e, e);
      failure = error;
      batch.complete(error);
      next(false);
      throw e;
    } finally {
      forceLock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    batch.complete(error);
    return error != null;
  }

  /** Returns how many threads wait for the next force to start (for tests). */
  int waiting() {
    queue.lock();
    try {
      return open.threads.size();
    } finally {
      queue.unlock();
    }
  }

  /**
   * Returns the open batch for this thread to lead when {@code keep} and it has waiters; else lets
   * its first waiter lead it, or ends leading if it has none, and returns null.
   */
  private Batch next(boolean keep) {
    Thread next;
    queue.lock();
    try {
      if (open.threads.isEmpty()) {
        leading = false;
        return null;
      }
      if (keep) {
        open.leader = Thread.currentThread(); // its waiters stay parked until it is done
        return open;
      }
      next = open.threads.get(0);
      open.leader = next;
    } finally {
      queue.unlock();
    }
    LockSupport.unpark(next);
    return null;
  }

  private void throwIfFailed() throws IOException {
    IOException cause = failure;
    if (cause != null) {
      throw cause;
    }
  }

  /** The waiters for one force; {@code threads} changes only under the queue lock, until sealed. */
  private static final class Batch {
    private final List<Thread> threads = new ArrayList<>();
    private volatile Thread leader;
    private volatile boolean done;
    private volatile IOException failure;

    /** Publishes the outcome, then wakes every waiting thread once. */
    private void complete(IOException error) {
      failure = error;
      done = true;
      Thread self = Thread.currentThread();
      for (Thread thread : threads) {
        if (thread != self) {
          LockSupport.unpark(thread);
        }
      }
    }
  }
}
