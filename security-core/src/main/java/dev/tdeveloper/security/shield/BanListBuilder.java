package dev.tdeveloper.security.shield;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link BanList}. Each setting may be given once (a repeat is an {@link
 * IllegalStateException}). Not thread-safe; the built list is.
 *
 * @param <K> the key type
 */
public final class BanListBuilder<K> {
  private BanPolicy policy;
  private Ticker ticker;
  private final List<EventListener<? super BanEvent>> listeners = new ArrayList<>();

  BanListBuilder() {}

  /** Sets the ban lengths, forgiveness and size bound; defaults to {@link BanPolicy#defaults()}. */
  public BanListBuilder<K> policy(BanPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    if (this.policy != null) {
      throw new IllegalStateException("policy was already set");
    }
    this.policy = policy;
    return this;
  }

  /** Sets the monotonic time source; defaults to {@link Ticker#system()}. */
  public BanListBuilder<K> ticker(Ticker ticker) {
    Objects.requireNonNull(ticker, "ticker");
    if (this.ticker != null) {
      throw new IllegalStateException("ticker was already set");
    }
    this.ticker = ticker;
    return this;
  }

  /** Adds a listener of bans, explicit unbans and evictions. */
  public BanListBuilder<K> listener(EventListener<? super BanEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Builds the ban list. */
  public BanList<K> build() {
    return BanList.create(
        policy == null ? BanPolicy.defaults() : policy,
        ticker == null ? Ticker.system() : ticker,
        Listeners.of(listeners));
  }
}
