package dev.tdeveloper.backend.redis.distribution;

import java.time.Duration;

/** The defaults and provider property names every component of this package shares. */
final class LinkDefaults {
  /** The default command timeout: 2 s. */
  static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

  /** Property: the server URI, required; its value is never repeated in a message. */
  static final String URI = "redis.uri";

  /** Property: the key prefix. */
  static final String KEY_PREFIX = "redis.key-prefix";

  /** Property: the command timeout. */
  static final String COMMAND_TIMEOUT = "redis.command-timeout";

  private LinkDefaults() {}
}
