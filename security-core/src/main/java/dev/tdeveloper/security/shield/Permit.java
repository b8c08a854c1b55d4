package dev.tdeveloper.security.shield;

/**
 * A slot of a concurrency limit, held while a request runs. Release it exactly once, saying how the
 * request went; later calls are ignored, so {@link #close()} in a try-with-resources block is a
 * safe fallback after an explicit release. Thread-safe.
 */
public interface Permit extends AutoCloseable {
  /** The request completed; its latency (measured since the permit was granted) is a sample. */
  void onSuccess();

  /**
   * The request was dropped, timed out or rejected for overload downstream: a signal to lower the
   * limit.
   */
  void onDropped();

  /** The request ended without telling anything about load (a client error): no sample. */
  void onIgnore();

  /** Releases the permit with {@link #onIgnore()} if it was not released yet. */
  @Override
  default void close() {
    onIgnore();
  }

  /** Returns a permit that limits nothing, for services without a concurrency limit. */
  static Permit unlimited() {
    return Unlimited.INSTANCE;
  }

  /** The permit of no limit. */
  enum Unlimited implements Permit {
    INSTANCE;

    @Override
    public void onSuccess() {}

    @Override
    public void onDropped() {}

    @Override
    public void onIgnore() {}
  }
}
