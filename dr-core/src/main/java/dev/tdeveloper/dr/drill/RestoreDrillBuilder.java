package dev.tdeveloper.dr.drill;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Configures a {@link RestoreDrill}. The scratch root, the validation and the history are required;
 * each setting may be given once. Not thread-safe; the built drill does not change when the builder
 * does.
 */
public final class RestoreDrillBuilder {
  /** The drill window unless configured: 7 days. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  final DrillTarget target;
  Path scratchRoot;
  DrillValidation validation;
  DrillHistory history;
  Duration window;
  InstantSource clock;
  Ticker ticker;
  Random random;
  final List<EventListener<? super DrillEvent>> listeners = new ArrayList<>();

  RestoreDrillBuilder(DrillTarget target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  /**
   * Sets the directory under which each drill creates (and afterwards deletes) its own scratch
   * directory; created if missing. Required.
   */
  public RestoreDrillBuilder scratchRoot(Path scratchRoot) {
    once(this.scratchRoot, "scratchRoot");
    this.scratchRoot = Objects.requireNonNull(scratchRoot, "scratchRoot");
    return this;
  }

  /**
   * Sets the user check of restored data; required ({@link DrillValidation#checksumsOnly()} to
   * check checksums only).
   */
  public RestoreDrillBuilder validation(DrillValidation validation) {
    once(this.validation, "validation");
    this.validation = Objects.requireNonNull(validation, "validation");
    return this;
  }

  /** Sets where results are recorded; required. The caller owns (and closes) the history. */
  public RestoreDrillBuilder history(DrillHistory history) {
    once(this.history, "history");
    this.history = Objects.requireNonNull(history, "history");
    return this;
  }

  /**
   * Sets how far back a drill selects backups from; defaults to 7 days.
   *
   * @throws IllegalArgumentException if not positive
   */
  public RestoreDrillBuilder window(Duration window) {
    once(this.window, "window");
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    this.window = window;
    return this;
  }

  /** Sets the wall clock of {@code started} and {@code finished}; defaults to the system's. */
  public RestoreDrillBuilder clock(InstantSource clock) {
    once(this.clock, "clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Sets the monotonic time the RTO is measured with; defaults to {@link Ticker#system()}. */
  public RestoreDrillBuilder ticker(Ticker ticker) {
    once(this.ticker, "ticker");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /** Sets the source of {@link DrillSelection#RANDOM} choices (seed it in tests). */
  public RestoreDrillBuilder random(Random random) {
    once(this.random, "random");
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /** Adds a listener of drill events; listeners are called in the order added. */
  public RestoreDrillBuilder listener(EventListener<? super DrillEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the drill.
   *
   * @throws IllegalStateException if the scratch root, validation or history is missing
   */
  public RestoreDrill build() {
    List<String> missing = new ArrayList<>();
    if (scratchRoot == null) {
      missing.add("scratchRoot");
    }
    if (validation == null) {
      missing.add("validation");
    }
    if (history == null) {
      missing.add("history");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("RestoreDrill needs " + String.join(", ", missing));
    }
    RestoreDrillBuilder copy = new RestoreDrillBuilder(target);
    copy.scratchRoot = scratchRoot;
    copy.validation = validation;
    copy.history = history;
    copy.window = window == null ? DEFAULT_WINDOW : window;
    copy.clock = clock == null ? InstantSource.system() : clock;
    copy.ticker = ticker == null ? Ticker.system() : ticker;
    copy.random = random == null ? new Random() : random;
    copy.listeners.addAll(listeners);
    return new RestoreDrill(copy);
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
