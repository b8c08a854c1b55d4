package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretName;

/**
 * What a {@link SecretCache} tells its listeners: when a refresh found a new CURRENT version (so
 * that a consumer can reconnect) and when a refresh failed (the last good value is still served).
 * Events name secrets and versions, never values. Immutable.
 */
public sealed interface SecretCacheEvent {
  /** Returns the secret the event concerns. */
  SecretName name();

  /**
   * A refresh found that CURRENT moved to another version.
   *
   * @param name the secret
   * @param fromVersion the version served until now
   * @param toVersion the version served from now on
   */
  record Changed(SecretName name, String fromVersion, String toVersion)
      implements SecretCacheEvent {}

  /**
   * A refresh failed; the cache keeps serving the last good value until it is older than the
   * maximum staleness.
   *
   * @param name the secret
   * @param servedVersion the version still served
   * @param reason what failed: the exception's class and (suite exceptions only) its message
   */
  record RefreshFailed(SecretName name, String servedVersion, String reason)
      implements SecretCacheEvent {}
}
