package dev.tdeveloper.security.waf.engine;

/**
 * The working memory of one transaction: its {@link TargetViews} and {@link ValueCache}. Made for a
 * transaction or taken from the thread's last finished one ({@link CompiledRuleSet#takeMemory}),
 * held by one transaction at a time, and emptied by {@link #reset} before another can take it, so
 * that nothing of one transaction is visible to the next. Not thread-safe.
 */
final class TransactionMemory {
  final TargetViews views;
  final ValueCache values;

  TransactionMemory(TargetViews views, ValueCache values) {
    this.views = views;
    this.values = values;
  }

  /** Forgets everything the holding transaction worked out. */
  void reset() {
    views.reset();
    values.reset();
  }
}
