package dev.tdeveloper.tenancy.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TenantContextPropagationTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final long TIMEOUT = 5;

  private final ExecutorService single = Executors.newSingleThreadExecutor();
  private final ExecutorService other = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  /** What a task saw: the bound tenant and the MDC entry. */
  private record Seen(Optional<TenantId> tenant, String mdc) {
    static Seen now() {
      return new Seen(TenantContext.current(), MDC.get(TenantContext.MDC_KEY));
    }

    static Seen of(TenantId tenant) {
      return new Seen(Optional.of(tenant), tenant.value());
    }

    static Seen none() {
      return new Seen(Optional.empty(), null);
    }
  }

  @AfterEach
  void shutDown() {
    single.shutdownNow();
    other.shutdownNow();
    scheduler.shutdownNow();
    assertThat(TenantContext.current()).isEmpty();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.get(TIMEOUT, TimeUnit.SECONDS);
  }

  @Test
  void aPooledThreadNeverCarriesATenantIntoTheNextTask() throws Exception {
    Seen first = await(single.submit(() -> TenantContext.get(ACME, Seen::now)));
    Seen second = await(single.submit(Seen::now));

    assertThat(first).isEqualTo(Seen.of(ACME));
    assertThat(second).isEqualTo(Seen.none());
  }

  @Test
  void aTaskThatFailsUnderATenantLeavesNoneBehind() throws Exception {
    Future<?> failing =
        single.submit(
            () ->
                TenantContext.run(
                    ACME,
                    () -> {
                      throw new IllegalStateException("boom");
                    }));

    assertThatThrownBy(() -> await(failing)).isInstanceOf(ExecutionException.class);
    assertThat(await(single.submit(Seen::now))).isEqualTo(Seen.none());
  }

  @Test
  void wrappedExecutorServicePropagatesTheSubmittersTenantOnly() throws Exception {
    ExecutorService wrapped = TenantContext.wrap(single);

    Future<Seen> underAcme = TenantContext.call(ACME, () -> wrapped.submit(Seen::now));
    Future<Seen> underNone = wrapped.submit(Seen::now);
    AtomicReference<Seen> executed = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    TenantContext.run(
        GLOBEX,
        () ->
            wrapped.execute(
                () -> {
                  executed.set(Seen.now());
                  done.countDown();
                }));

    assertThat(await(underAcme)).isEqualTo(Seen.of(ACME));
    assertThat(await(underNone)).isEqualTo(Seen.none());
    assertThat(done.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
    assertThat(executed.get()).isEqualTo(Seen.of(GLOBEX));
    assertThat(await(single.submit(Seen::now))).isEqualTo(Seen.none());
  }

  @Test
  void wrappedExecutorServicePropagatesToBulkTasks() throws Exception {
    ExecutorService wrapped = TenantContext.wrap(single);
    List<Callable<Seen>> tasks = List.of(Seen::now, Seen::now);

    List<Future<Seen>> all = TenantContext.call(ACME, () -> wrapped.invokeAll(tasks));
    Seen any = TenantContext.call(GLOBEX, () -> wrapped.invokeAny(tasks));

    for (Future<Seen> future : all) {
      assertThat(await(future)).isEqualTo(Seen.of(ACME));
    }
    assertThat(any).isEqualTo(Seen.of(GLOBEX));
  }

  @Test
  void wrappedTaskResetsAnMdcEntryInheritedByANewPoolThread() throws Exception {
    ExecutorService wrapped = TenantContext.wrap(single);
    // The pool thread is started inside ACME's scope, so an inheriting MDC copies the entry.
    Future<Seen> started = TenantContext.call(ACME, () -> wrapped.submit(Seen::now));

    assertThat(await(started)).isEqualTo(Seen.of(ACME));
    assertThat(await(wrapped.submit(Seen::now))).isEqualTo(Seen.none());
    assertThat(await(single.submit(Seen::now))).isEqualTo(Seen.none());
  }

  @Test
  void wrappedSchedulerPropagatesTheTenantToScheduledTasks() throws Exception {
    ScheduledExecutorService wrapped = TenantContext.wrap(scheduler);

    ScheduledFuture<Seen> callable =
        TenantContext.call(ACME, () -> wrapped.schedule(Seen::now, 0, TimeUnit.MILLISECONDS));
    AtomicReference<Seen> ran = new AtomicReference<>();
    ScheduledFuture<?> runnable =
        TenantContext.call(
            GLOBEX, () -> wrapped.schedule(() -> ran.set(Seen.now()), 0, TimeUnit.MILLISECONDS));

    assertThat(await(callable)).isEqualTo(Seen.of(ACME));
    await(runnable);
    assertThat(ran.get()).isEqualTo(Seen.of(GLOBEX));
    assertThat(await(scheduler.schedule(Seen::now, 0, TimeUnit.MILLISECONDS)))
        .isEqualTo(Seen.none());
  }

  @Test
  void periodicTasksKeepTheTenantOfEveryRun() throws Exception {
    ScheduledExecutorService wrapped = TenantContext.wrap(scheduler);
    CountDownLatch threeRuns = new CountDownLatch(3);
    AtomicReference<Seen> wrong = new AtomicReference<>();
    Runnable check =
        () -> {
          if (!Seen.now().equals(Seen.of(ACME))) {
            wrong.compareAndSet(null, Seen.now());
          }
          threeRuns.countDown();
        };

    ScheduledFuture<?> periodic =
        TenantContext.call(
            ACME, () -> wrapped.scheduleWithFixedDelay(check, 0, 1, TimeUnit.NANOSECONDS));

    assertThat(threeRuns.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
    periodic.cancel(false);
    assertThat(wrong.get()).isNull();
  }

  @Test
  void wrapFunctionUsesTheTenantDeclaredAtStageCreation() throws Exception {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Seen> wrappedStage =
        TenantContext.call(
            ACME, () -> source.thenApply(TenantContext.wrapFunction(value -> Seen.now())));
    CompletableFuture<Seen> plainStage = source.thenApply(value -> Seen.now());

    // Completed on another thread, under another tenant: dependent stages run right there.
    Seen completer = await(other.submit(() -> TenantContext.get(GLOBEX, () -> complete(source))));

    assertThat(await(wrappedStage)).isEqualTo(Seen.of(ACME));
    assertThat(await(plainStage)).isEqualTo(Seen.of(GLOBEX)); // why wrapping is needed
    assertThat(completer).isEqualTo(Seen.of(GLOBEX)); // the completing thread got its own back
  }

  private static Seen complete(CompletableFuture<String> source) {
    source.complete("done");
    return Seen.now();
  }

  @Test
  void capturingExecutorPinsTheTenantDeclaredAtStageCreation() throws Exception {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Seen> stage =
        TenantContext.call(
            ACME,
            () -> source.thenApplyAsync(value -> Seen.now(), TenantContext.capturing(single)));

    await(other.submit(() -> TenantContext.run(GLOBEX, () -> source.complete("done"))));

    assertThat(await(stage)).isEqualTo(Seen.of(ACME));
    assertThat(await(single.submit(Seen::now))).isEqualTo(Seen.none());
  }

  @Test
  void otherWrappersAndThePlainExecutorWrapCaptureAtCreation() throws Exception {
    CompletableFuture<Seen> supplied =
        TenantContext.call(
            ACME,
            () -> CompletableFuture.supplyAsync(TenantContext.wrapSupplier(Seen::now), single));
    AtomicReference<Seen> accepted = new AtomicReference<>();
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Void> consumer =
        TenantContext.call(
            GLOBEX,
            () -> source.thenAccept(TenantContext.wrapConsumer(v -> accepted.set(Seen.now()))));
    CompletableFuture<Seen> combined =
        TenantContext.call(
            ACME,
            () ->
                source.thenCombine(
                    CompletableFuture.completedFuture(1),
                    TenantContext.wrapBiFunction((a, b) -> Seen.now())));
    source.complete("done");
    AtomicReference<Seen> executed = new AtomicReference<>();
    CompletableFuture<Void> viaExecutor =
        TenantContext.call(
            GLOBEX,
            () ->
                CompletableFuture.runAsync(
                    () -> executed.set(Seen.now()),
                    TenantContext.wrap((java.util.concurrent.Executor) single)));

    assertThat(await(supplied)).isEqualTo(Seen.of(ACME));
    await(consumer);
    assertThat(accepted.get()).isEqualTo(Seen.of(GLOBEX));
    assertThat(await(combined)).isEqualTo(Seen.of(ACME));
    await(viaExecutor);
    assertThat(executed.get()).isEqualTo(Seen.of(GLOBEX));
  }
}
