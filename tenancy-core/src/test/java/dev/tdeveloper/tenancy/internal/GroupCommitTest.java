package dev.tdeveloper.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GroupCommitTest {
  /** A file whose records are numbers: a force makes durable every record written before it. */
  private static final class FakeFile {
    final AtomicLong records = new AtomicLong();
    final AtomicLong durable = new AtomicLong();
    final AtomicInteger forces = new AtomicInteger();
    final AtomicReference<String> violation = new AtomicReference<>();
    volatile boolean open = true;
    volatile boolean swapping;
    volatile IoStep beforeForce = n -> {};
    final GroupCommit commit = new GroupCommit(this::force);

    interface IoStep {
      void run(int force) throws IOException;
    }

    private void force() throws IOException {
      if (!open || swapping) {
        violation.compareAndSet(null, "force during a swap or on a closed channel");
        throw new ClosedChannelException();
      }
      long upTo = records.get();
      beforeForce.run(forces.incrementAndGet());
      durable.accumulateAndGet(upTo, Math::max);
    }

    /** Writes a record under the store's lock and returns its sequence. */
    synchronized long write() {
      records.incrementAndGet();
      return commit.written();
    }

    long append() throws IOException {
      long sequence = write();
      commit.await(sequence);
      if (durable.get() < sequence) {
        violation.compareAndSet(null, "append " + sequence + " returned before it was forced");
      }
      return sequence;
    }

    /** Closes and reopens the channel exclusively of forces, as a segment roll does. */
    synchronized void swap() throws IOException {
      commit.exclusive(
          () -> {
            swapping = true;
            open = false;
            durable.set(records.get());
            commit.forcedAll();
            open = true;
            swapping = false;
          });
    }
  }

  private final ExecutorService pool = Executors.newFixedThreadPool(9);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** The append that led the first force, and the four that queued while it ran. */
  private record Queued(Future<Long> first, List<Future<Long>> batch) {}

  /** Blocks the first force until four more appends wait for the next, which runs {@code next}. */
  private Queued fourQueueBehindTheFirstForce(FakeFile file, FakeFile.IoStep next)
      throws InterruptedException {
    CountDownLatch inFirstForce = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    file.beforeForce =
        n -> {
          if (n == 1) {
            inFirstForce.countDown();
            awaitQuietly(release);
          } else {
            next.run(n);
          }
        };
    Future<Long> first = pool.submit(file::append);
    inFirstForce.await();
    List<Future<Long>> batch = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      batch.add(pool.submit(file::append));
    }
    awaitWaiting(file.commit, 4);
    release.countDown();
    return new Queued(first, batch);
  }

  @Test
  void oneForceCoversEveryWaiterThatArrivedDuringThePreviousForce() throws Exception {
    FakeFile file = new FakeFile();
    Queued queued = fourQueueBehindTheFirstForce(file, n -> {});

    assertThat(queued.first().get()).isEqualTo(1);
    for (Future<Long> append : queued.batch()) {
      assertThat(append.get()).isBetween(2L, 5L);
    }
    assertThat(file.forces).hasValue(2);
    assertThat(file.durable).hasValue(5);
    assertThat(file.commit.forced()).isEqualTo(5);
    assertThat(file.violation.get()).isNull();
  }

  @Test
  void theLeaderForcesTheBatchesQueuedBehindItThenHandsOverAfterTheRoundLimit() throws Exception {
    FakeFile file = new FakeFile();
    List<Thread> forcers = new CopyOnWriteArrayList<>();
    List<Future<Long>> queued = new CopyOnWriteArrayList<>();
    file.beforeForce =
        n -> {
          forcers.add(Thread.currentThread());
          if (n <= GroupCommit.ROUNDS) { // one more append queues while each of these forces runs
            queued.add(pool.submit(file::append));
            awaitWaiting(file.commit, 1);
          }
        };

    assertThat(file.append()).isEqualTo(1);
    for (Future<Long> append : queued) {
      assertThat(append.get()).isBetween(2L, GroupCommit.ROUNDS + 1L);
    }
    assertThat(file.forces).hasValue(GroupCommit.ROUNDS + 1);
    assertThat(forcers.subList(0, GroupCommit.ROUNDS)).containsOnly(Thread.currentThread());
    assertThat(forcers.get(GroupCommit.ROUNDS)).isNotEqualTo(Thread.currentThread());
    assertThat(file.durable).hasValue(GroupCommit.ROUNDS + 1);
    assertThat(file.commit.forced()).isEqualTo(GroupCommit.ROUNDS + 1);
    assertThat(file.violation.get()).isNull();
  }

  @Test
  void aFailedForceReachesEveryUncoveredWaiterAndEveryLaterOne() throws Exception {
    FakeFile file = new FakeFile();
    IOException diskGone = new IOException("disk gone");
    Queued queued =
        fourQueueBehindTheFirstForce(
            file,
            n -> {
              throw diskGone;
            });

    assertThat(queued.first().get()).isEqualTo(1);
    for (Future<Long> append : queued.batch()) {
      assertThatThrownBy(append::get)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isSameAs(diskGone);
    }
    assertThat(file.forces).hasValue(2);
    assertThat(file.commit.failure()).isSameAs(diskGone);
    file.commit.await(1); // covered before the failure: still fine
    long later = file.write();
    assertThatThrownBy(() -> file.commit.await(later)).isSameAs(diskGone);
    assertThat(file.forces).hasValue(2);
  }

  @Test
  void everyReturnedAppendIsForcedAndNoForceOverlapsASwap() throws Exception {
    FakeFile file = new FakeFile();
    List<Future<?>> tasks = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      tasks.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 500; i++) {
                  file.append();
                }
                return null;
              }));
    }
    tasks.add(
        pool.submit(
            () -> {
              for (int i = 0; i < 200; i++) {
                file.swap();
              }
              return null;
            }));
    for (Future<?> task : tasks) {
      task.get();
    }
    assertThat(file.violation.get()).isNull();
    assertThat(file.records).hasValue(4000);
    assertThat(file.commit.failure()).isNull();
  }

  @Test
  void anInterruptedLeaderForcesWithTheFlagClearedAndGetsItBack() throws IOException {
    FakeFile file = new FakeFile();
    file.beforeForce =
        n -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new ClosedByInterruptException(); // what FileChannel.force does
          }
        };
    Thread.currentThread().interrupt();
    try {
      file.append();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(file.commit.failure()).isNull();
    assertThat(file.forces).hasValue(1);
  }

  @Test
  void forcedAllOutsideExclusiveIsRefused() {
    assertThatThrownBy(() -> new FakeFile().commit.forcedAll())
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * On one thread, the commit answers every operation as the plain path would: an await forces
   * unless its record is covered (the fast path), fails once poisoned unless covered, and forces
   * exactly when the plain path does.
   */
  @Property(tries = 300)
  void answersAsThePlainPathDoes(@ForAll("operations") List<Integer> operations)
      throws IOException {
    FakeFile file = new FakeFile();
    IOException poison = new IOException("poisoned");
    long written = 0;
    long forced = 0;
    int forces = 0;
    boolean failed = false;
    for (int op : operations) {
      int kind = op % 4;
      if (kind == 0) {
        written = file.write();
      } else if (kind == 1 && written > 0) {
        long sequence = 1 + (op / 4) % written;
        boolean plainFails = sequence > forced && failed;
        if (sequence > forced && !failed) {
          forced = written;
          forces++;
        }
        if (plainFails) {
          assertThatThrownBy(() -> file.commit.await(sequence)).isSameAs(poison);
        } else {
          file.commit.await(sequence);
        }
      } else if (kind == 2 && !failed) {
        file.swap();
        forced = written;
      } else if (kind == 3 && op % 7 == 0) {
        file.commit.poison(poison);
        failed = true;
      }
      assertThat(file.commit.forced()).isEqualTo(forced);
      assertThat(file.forces).hasValue(forces);
    }
  }

  @Provide
  Arbitrary<List<Integer>> operations() {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(60);
  }

  private static void awaitWaiting(GroupCommit commit, int threads) {
    while (commit.waiting() < threads) {
      Thread.onSpinWait(); // the threads are started; they queue in a moment
    }
  }

  private static void awaitQuietly(CountDownLatch latch) throws IOException {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
