package dev.tdeveloper.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
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
import net.jqwik.api.constraints.IntRange;
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
    final List<Thread> forcers = new CopyOnWriteArrayList<>();
    final GroupCommit commit;

    FakeFile() {
      this(GroupCommit.DEFAULT_IDLE);
    }

    FakeFile(Duration idle) {
      commit = new GroupCommit("fake.log", idle, this::force);
    }

    interface IoStep {
      void run(int force) throws IOException;
    }

    private void force() throws IOException {
      if (!open || swapping) {
        violation.compareAndSet(null, "force during a swap or on a closed channel");
        throw new ClosedChannelException();
      }
      long upTo = records.get();
      forcers.add(Thread.currentThread());
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

  private final ExecutorService pool = Executors.newFixedThreadPool(40);
  private final List<FakeFile> files = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    pool.shutdownNow();
    files.forEach(file -> file.commit.close());
  }

  private FakeFile file() {
    return file(GroupCommit.DEFAULT_IDLE);
  }

  private FakeFile file(Duration idle) {
    FakeFile file = new FakeFile(idle);
    files.add(file);
    return file;
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
    awaitWaiting(file.commit, 5); // the first one's waiter leaves when its force ends
    release.countDown();
    return new Queued(first, batch);
  }

  @Test
  void oneForceCoversEveryWaiterThatArrivedDuringThePreviousForce() throws Exception {
    FakeFile file = file();
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
  void aFailedForceReachesEveryUncoveredWaiterAndEveryLaterOne() throws Exception {
    FakeFile file = file();
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
    FakeFile file = file();
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
  void everyForceRunsOnOneDaemonFlusherNamedAfterTheFileNeverOnAnAppender() throws Exception {
    FakeFile file = file(Duration.ofDays(1));
    List<Future<Thread>> appenders = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      appenders.add(
          pool.submit(
              () -> {
                for (int j = 0; j < 20; j++) {
                  file.append();
                }
                return Thread.currentThread();
              }));
    }
    List<Thread> appending = new ArrayList<>();
    for (Future<Thread> appender : appenders) {
      appending.add(appender.get());
    }
    Thread flusher = file.commit.flusher().orElseThrow();
    assertThat(flusher.getName()).isEqualTo("group-commit fake.log");
    assertThat(flusher.isDaemon()).isTrue();
    assertThat(file.forcers)
        .isNotEmpty()
        .containsOnly(flusher)
        .doesNotContainAnyElementsOf(appending);
    assertThat(file.forces.get()).isBetween(1, 640);
    assertThat(file.commit.forced()).isEqualTo(640);
    assertThat(file.violation.get()).isNull();
  }

  @Test
  void aWaiterWhoseRecordTheRunningForceCoversIsReleasedByItNotByTheNext() throws Exception {
    FakeFile file = file();
    CountDownLatch inFirstForce = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CountDownLatch releaseSecond = new CountDownLatch(1);
    file.beforeForce =
        n -> {
          if (n == 1) {
            inFirstForce.countDown();
            awaitQuietly(releaseFirst);
          } else if (n == 2) {
            awaitQuietly(releaseSecond);
          }
        };
    long early = file.write(); // written, not yet awaited
    Future<Long> first = pool.submit(file::append); // its force covers the early record too
    inFirstForce.await();
    Future<?> earlyWaiter = pool.submit(() -> awaitRecord(file, early)); // queues mid-force
    Future<Long> later = pool.submit(file::append); // written during the first force
    awaitWaiting(file.commit, 3);
    releaseFirst.countDown();

    earlyWaiter.get(); // returns while the second force is held: the first one covered it
    assertThat(first.get()).isEqualTo(2);
    assertThat(later.isDone()).isFalse();
    releaseSecond.countDown();
    assertThat(later.get()).isEqualTo(3);
    assertThat(file.forces).hasValue(2);
    assertThat(file.violation.get()).isNull();
  }

  @Test
  void recordsWrittenDuringAForceWaitOnlyForTheNextOneWhileMoreQueueBehindThem() throws Exception {
    FakeFile file = file();
    CountDownLatch releaseThird = new CountDownLatch(1);
    List<Future<Long>> third = new CopyOnWriteArrayList<>();
    Queued queued =
        fourQueueBehindTheFirstForce(
            file,
            n -> {
              if (n == 2) { // four more queue while the second force runs; the third is held
                for (int i = 0; i < 4; i++) {
                  third.add(pool.submit(file::append));
                }
                awaitWaiting(file.commit, 8);
              } else if (n == 3) {
                awaitQuietly(releaseThird);
              }
            });

    assertThat(queued.first().get()).isEqualTo(1);
    for (Future<Long> append : queued.batch()) {
      assertThat(append.get()).isBetween(2L, 5L); // the third force is still held
    }
    assertThat(third).noneMatch(Future::isDone);
    releaseThird.countDown();
    for (Future<Long> append : third) {
      assertThat(append.get()).isBetween(6L, 9L);
    }
    assertThat(file.forces).hasValue(3);
    assertThat(file.violation.get()).isNull();
  }

  @Test
  void theFlusherEndsOnceNobodyWaitsAndAnotherStartsOnDemand() throws Exception {
    FakeFile file = file(Duration.ZERO);
    file.append();
    Thread firstFlusher = file.forcers.get(0);
    firstFlusher.join(); // ends by itself: nobody waits and the idle period is zero
    assertThat(file.commit.flusher()).isEmpty();

    file.append();
    Thread secondFlusher = file.forcers.get(1);
    assertThat(secondFlusher).isNotSameAs(firstFlusher);
    assertThat(secondFlusher.getName()).isEqualTo("group-commit fake.log");
    secondFlusher.join();
    assertThat(file.forces).hasValue(2);
    assertThat(file.commit.forced()).isEqualTo(2);
  }

  @Test
  void theFlusherLingersWithinItsIdlePeriodAndCloseStopsIt() throws Exception {
    FakeFile file = file(Duration.ofDays(1));
    file.append();
    file.append();
    Thread flusher = file.commit.flusher().orElseThrow();
    assertThat(flusher.isAlive()).isTrue();
    assertThat(file.forcers).containsOnly(flusher);

    file.commit.close();
    assertThat(flusher.isAlive()).isFalse(); // close waited for it to end
    assertThat(file.commit.flusher()).isEmpty();
    file.commit.close(); // idempotent
  }

  @Test
  void closeForcesWhatNobodyWaitedForAndRefusesToWaitForLaterRecords() throws IOException {
    FakeFile file = file(Duration.ofDays(1));
    file.append();
    long unawaited = file.write();
    file.commit.close();

    assertThat(file.durable).hasValue(unawaited);
    assertThat(file.commit.forced()).isEqualTo(unawaited);
    file.commit.await(unawaited); // covered: fine after close
    long late = file.write();
    assertThatThrownBy(() -> file.commit.await(late))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fake.log")
        .hasMessageContaining("record " + late);
    assertThat(file.forces).hasValue(2);
  }

  @Test
  void closeOfAPoisonedCommitForcesNothingAndStopsTheFlusher() throws IOException {
    FakeFile file = file(Duration.ofDays(1));
    file.append();
    Thread flusher = file.commit.flusher().orElseThrow();
    file.write();
    file.commit.poison(new IOException("write failed"));
    file.commit.close();

    assertThat(file.forces).hasValue(1);
    assertThat(flusher.isAlive()).isFalse();
  }

  @Test
  void anUncheckedFailureOfTheForceReachesTheWaiterAsAnIoExceptionAndPoisons() throws Exception {
    FakeFile file = file();
    IllegalStateException bug = new IllegalStateException("bug in force");
    file.beforeForce =
        n -> {
          throw bug;
        };
    long sequence = file.write();

    assertThatThrownBy(() -> file.commit.await(sequence))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fake.log")
        .hasCause(bug);
    assertThat(file.commit.failure()).hasCause(bug);
    long later = file.write();
    assertThatThrownBy(() -> file.commit.await(later)).isSameAs(file.commit.failure());
    assertThat(file.forces).hasValue(1);
  }

  @Test
  void anInterruptedAppenderWaitsForItsForceWhichTheInterruptCannotBreakAndGetsItsFlagBack()
      throws IOException {
    FakeFile file = file();
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
    assertThat(file.forcers).doesNotContain(Thread.currentThread());
  }

  @Test
  void aStrayInterruptOfTheFlusherDoesNotBreakItsForce() throws Exception {
    FakeFile file = file(Duration.ofDays(1));
    file.beforeForce =
        n -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new ClosedByInterruptException();
          }
        };
    file.append();
    file.commit.flusher().orElseThrow().interrupt();
    file.append();
    file.append();
    assertThat(file.commit.failure()).isNull();
    assertThat(file.forces).hasValue(3);
  }

  @Test
  void aNegativeIdlePeriodIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> new GroupCommit("fake.log", Duration.ofMillis(-1), () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idle must be zero or positive, was PT-0.001S");
  }

  @Test
  void forcedAllOutsideExclusiveIsRefused() {
    assertThatThrownBy(() -> file().commit.forcedAll()).isInstanceOf(IllegalStateException.class);
  }

  /**
   * On one thread, the commit answers every operation as the plain path would: an await forces
   * unless its record is covered (the fast path), fails once poisoned unless covered, and forces
   * exactly when the plain path does; close forces what is left unless poisoned. The flusher ends
   * whenever nobody waits (idle zero), so it is started again and again.
   */
  @Property(tries = 300)
  void answersAsThePlainPathDoes(@ForAll("operations") List<Integer> operations)
      throws IOException {
    FakeFile file = new FakeFile(Duration.ZERO);
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
    file.commit.close();
    boolean leftOver = !failed && forced < written;
    assertThat(file.commit.forced()).isEqualTo(leftOver ? written : forced);
    assertThat(file.forces).hasValue(leftOver ? forces + 1 : forces);
    assertThat(file.commit.flusher()).isEmpty();
    assertThat(file.violation.get()).isNull();
  }

  /**
   * Whatever the number of appenders and appends, and whether the flusher lingers or ends whenever
   * nobody waits: every append returns forced, every force runs on a flusher, and no more forces
   * run than appends.
   */
  @Property(tries = 30)
  void everyAppendReturnsForcedWhateverTheAppenders(
      @ForAll @IntRange(min = 1, max = 32) int threads,
      @ForAll @IntRange(min = 1, max = 40) int appends,
      @ForAll boolean lingering)
      throws Exception {
    FakeFile file = new FakeFile(lingering ? Duration.ofDays(1) : Duration.ZERO);
    ExecutorService appenders = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(
            appenders.submit(
                () -> {
                  for (int i = 0; i < appends; i++) {
                    file.append();
                  }
                  return null;
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    } finally {
      appenders.shutdownNow();
      file.commit.close();
    }
    assertThat(file.violation.get()).isNull();
    assertThat(file.commit.forced()).isEqualTo((long) threads * appends);
    assertThat(file.forces.get()).isBetween(1, threads * appends);
    assertThat(file.forcers).allMatch(t -> t.getName().equals("group-commit fake.log"));
    assertThat(file.commit.flusher()).isEmpty();
  }

  @Provide
  Arbitrary<List<Integer>> operations() {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(60);
  }

  private static Void awaitRecord(FakeFile file, long sequence) throws IOException {
    file.commit.await(sequence);
    return null;
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
