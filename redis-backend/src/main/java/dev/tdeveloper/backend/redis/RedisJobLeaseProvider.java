package dev.tdeveloper.backend.redis;

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseProvider;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Provides {@link RedisJobLease} under the name {@value #NAME}, on a {@link RedisClient} it creates
 * from {@value #URI} (shut down when the leases close). Settings: {@value #URI} (required), {@value
 * #KEY_PREFIX} and {@value #COMMAND_TIMEOUT} (for example {@code 500ms}, {@code 2s}, {@code PT1S});
 * any other is rejected. Stateless and thread-safe.
 */
public final class RedisJobLeaseProvider implements JobLeaseProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "redis";

  /** Setting: the server URI. */
  public static final String URI = "uri";

  /** Setting: the key prefix. */
  public static final String KEY_PREFIX = "key-prefix";

  /** Setting: the command timeout. */
  public static final String COMMAND_TIMEOUT = "command-timeout";

  private static final Set<String> SETTINGS =
      new TreeSet<>(Set.of(URI, KEY_PREFIX, COMMAND_TIMEOUT));

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public RedisJobLeaseProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates leases and their client; nothing connects until first use.
   *
   * @throws IllegalArgumentException for an unknown, missing or invalid setting, naming it
   */
  @Override
  public JobLease create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    for (String setting : properties.keySet()) {
      if (!SETTINGS.contains(setting)) {
        throw new IllegalArgumentException(
            "the " + NAME + " job lease has no setting '" + setting + "'; it accepts " + SETTINGS);
      }
    }
    RedisURI uri = Settings.uri(URI, properties.get(URI));
    RedisJobLeaseBuilder builder = new RedisJobLeaseBuilder(null, true);
    String value;
    if ((value = properties.get(KEY_PREFIX)) != null) {
      builder.keyPrefix(value);
    }
    if ((value = properties.get(COMMAND_TIMEOUT)) != null) {
      builder.commandTimeout(Settings.duration(COMMAND_TIMEOUT, value));
    }
    return builder.client(RedisClient.create(uri)).build();
  }
}
