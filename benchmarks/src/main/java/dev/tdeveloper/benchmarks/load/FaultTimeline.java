package dev.tdeveloper.benchmarks.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * What the fault phase saw, in time: every answer of the load (as a {@link LoadObserver}) and of
 * the {@link AckedWriter}, stamped with when its request was due to be sent (the load's intended
 * start, the writer's send) and when its answer (or its failure) came, so that {@link
 * FaultAnalysis} can give a request to the fault it was sent into, or a failure to a later fault
 * that struck while it was in flight; and each fault's start and end. It also counts each tenant's
 * note writes the load saw acknowledged, for the lost-write check. Thread-safe.
 */
public final class FaultTimeline implements LoadObserver {
  /**
   * One answer.
   *
   * @param atNanos when its request was due to be sent, on the timeline's ticker
   * @param answeredNanos when its answer or failure came, on the same ticker (not before atNanos)
   * @param answer how the demo answered
   * @param retryAfter whether a 503 carried {@code Retry-After} (known for the writer's requests
   *     only; {@code false} otherwise)
   * @param fromWriter whether the {@link AckedWriter} sent it (else the load's generator)
   */
  public record Event(
      long atNanos,
      long answeredNanos,
      FaultAnswer answer,
      boolean retryAfter,
      boolean fromWriter) {
    /** Checks presence and order. */
    public Event {
      Objects.requireNonNull(answer, "answer");
      if (answeredNanos < atNanos) {
        throw new IllegalArgumentException(
            "answeredNanos must not be before atNanos, was " + answeredNanos + " < " + atNanos);
      }
    }
  }

  /**
   * One injected fault.
   *
   * @param fault which
   * @param startNanos when the harness began it, on the timeline's ticker
   * @param endNanos when the harness's action returned (the server or demo restarted)
   * @param error why the action failed, if it did
   */
  public record Mark(Fault fault, long startNanos, long endNanos, Optional<String> error) {
    /** Checks presence. */
    public Mark {
      Objects.requireNonNull(fault, "fault");
      Objects.requireNonNull(error, "error");
    }
  }

  private final LongSupplier ticker;
  private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Mark> marks = new ConcurrentLinkedQueue<>();
  private final AtomicLongArray loadWritesAcknowledged;
  private final AtomicLongArray loadWritesUnanswered;

  /** A timeline for {@code tenants} tenants, stamping with {@code ticker} (nanoseconds). */
  public FaultTimeline(int tenants, LongSupplier ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.loadWritesAcknowledged = new AtomicLongArray(tenants);
    this.loadWritesUnanswered = new AtomicLongArray(tenants);
  }

  /** Returns the ticker's current reading. */
  public long now() {
    return ticker.getAsLong();
  }

  @Override
  public void completed(Mix.Planned request, Outcome outcome, int status, long latencyNanos) {
    long now = ticker.getAsLong();
    events.add(new Event(now - latencyNanos, now, FaultAnswer.of(status), false, false));
    if (request.operation() == RequestKind.WRITE) {
      if (status == 201) {
        loadWritesAcknowledged.incrementAndGet(request.tenant());
      } else if (FaultAnswer.of(status).failed()) {
        loadWritesUnanswered.incrementAndGet(request.tenant());
      }
    }
  }

  /** Records the answer to a write the {@link AckedWriter} sent at {@code sentAtNanos}. */
  public void writerAnswered(long sentAtNanos, int status, boolean retryAfter) {
    long now = Math.max(sentAtNanos, ticker.getAsLong());
    events.add(new Event(sentAtNanos, now, FaultAnswer.of(status), retryAfter, true));
  }

  /** Records a fault the harness injected. */
  public void marked(Mark mark) {
    marks.add(Objects.requireNonNull(mark, "mark"));
  }

  /** Returns the answers so far, in the order their requests were sent. */
  public List<Event> events() {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(Event::atNanos));
    return sorted;
  }

  /** Returns the faults so far, in start order. */
  public List<Mark> marks() {
    List<Mark> sorted = new ArrayList<>(marks);
    sorted.sort(Comparator.comparingLong(Mark::startNanos));
    return sorted;
  }

  /** Returns the note writes of the load the demo acknowledged (201) for tenant {@code index}. */
  public long loadWritesAcknowledged(int index) {
    return loadWritesAcknowledged.get(index);
  }

  /**
   * Returns the note writes of the load to tenant {@code index} that failed: the demo may still
   * have stored them before it failed to answer.
   */
  public long loadWritesFailed(int index) {
    return loadWritesUnanswered.get(index);
  }
}
