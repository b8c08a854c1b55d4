package dev.tdeveloper.security.shield;

import java.time.Duration;

/**
 * What a {@link BanList} tells its listeners, on the thread that caused it. Bans that simply run
 * out publish nothing (expiry is a matter of time, not an action). Immutable.
 */
public sealed interface BanEvent {
  /** Returns the key concerned. */
  Object key();

  /**
   * A key was banned.
   *
   * @param key the key
   * @param offence its offence number (1 for a first offence)
   * @param duration the length of the ban
   */
  record Banned(Object key, int offence, Duration duration) implements BanEvent {}

  /**
   * A ban was lifted and the key's offences forgotten by an explicit {@link BanList#unban}.
   *
   * @param key the key
   */
  record Unbanned(Object key) implements BanEvent {}

  /**
   * The ban list was full and dropped a key's record to make room.
   *
   * @param key the key
   * @param wasBanned whether the key was banned at the time (its ban ended early)
   */
  record Evicted(Object key, boolean wasBanned) implements BanEvent {}
}
