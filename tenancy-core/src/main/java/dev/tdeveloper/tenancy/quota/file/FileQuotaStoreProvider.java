package dev.tdeveloper.tenancy.quota.file;

import dev.tdeveloper.tenancy.internal.StoreSettings;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaStoreConfig;
import dev.tdeveloper.tenancy.spi.QuotaStoreProvider;
import dev.tdeveloper.tenancy.usage.file.FsyncPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link FileQuotaStore}s under the name {@value #NAME}, expiring counters by the
 * configuration's clock. Properties: {@value #DIRECTORY} (required), {@value #FSYNC_POLICY} ({@code
 * every_append}, {@code group_commit} or {@code never}, any case; default group_commit) and {@value
 * #COMPACTION_THRESHOLD_BYTES}. Other {@code file.*} properties are rejected as typos; properties
 * of other backends (another prefix) are ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class FileQuotaStoreProvider implements QuotaStoreProvider {
  /** The provider name: {@value}. */
  public static final String NAME = "file";

  /** Property: the store directory. */
  public static final String DIRECTORY = "file.directory";

  /** Property: the {@link FsyncPolicy} name. */
  public static final String FSYNC_POLICY = "file.fsync-policy";

  /** Property: the log size in bytes that triggers a compaction. */
  public static final String COMPACTION_THRESHOLD_BYTES = "file.compaction-threshold-bytes";

  private static final Set<String> KNOWN =
      Set.of(DIRECTORY, FSYNC_POLICY, COMPACTION_THRESHOLD_BYTES);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FileQuotaStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public QuotaStore create(QuotaStoreConfig config) {
    Objects.requireNonNull(config, "config");
    Map<String, String> properties = config.properties();
    for (String key : properties.keySet()) {
      if (key.startsWith("file.") && !KNOWN.contains(key)) {
        throw new IllegalArgumentException(
            "unknown property '" + key + "' of the file quota store; known: " + KNOWN);
      }
    }
    String directory = StoreSettings.required(properties, DIRECTORY);
    Path path;
    try {
      path = Path.of(directory.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "property '" + DIRECTORY + "' is not a valid path: '" + directory + "'", e);
    }
    FileQuotaStoreBuilder builder = FileQuotaStore.builder(path).clock(config.clock());
    String policy = properties.get(FSYNC_POLICY);
    if (policy != null) {
      builder.fsyncPolicy(StoreSettings.constant(FSYNC_POLICY, policy, FsyncPolicy.class));
    }
    String threshold = properties.get(COMPACTION_THRESHOLD_BYTES);
    if (threshold != null) {
      builder.compactionThresholdBytes(StoreSettings.number(COMPACTION_THRESHOLD_BYTES, threshold));
    }
    return builder.open();
  }
}
