package dev.tdeveloper.backend.redis;

import dev.tdeveloper.backend.redis.internal.ProviderSettings;
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
    ProviderSettings settings = ProviderSettings.of(NAME + " job lease", properties, SETTINGS);
    RedisURI uri = settings.uri(URI);
    RedisJobLeaseBuilder builder = new RedisJobLeaseBuilder(null, true);
    settings.get(KEY_PREFIX).ifPresent(builder::keyPrefix);
    settings.duration(COMMAND_TIMEOUT).ifPresent(builder::commandTimeout);
    return builder.client(RedisClient.create(uri)).build();
  }
}
