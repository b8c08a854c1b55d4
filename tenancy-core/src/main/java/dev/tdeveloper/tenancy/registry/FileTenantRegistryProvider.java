package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.internal.StoreSettings;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.spi.TenantRegistryProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@value #NAME} {@link TenantRegistryProvider}: opens a {@link FileTenantRegistry}. Settings:
 * {@value #DIRECTORY} (required) and {@value #COMPACTION_THRESHOLD_BYTES}; any other key (most
 * likely meant for another backend, or a typo) is refused rather than ignored. The caller owns the
 * registry returned and closes it ({@link FileTenantRegistry#close()}) to release its directory.
 *
 * <p>Stateless and thread-safe.
 */
public final class FileTenantRegistryProvider implements TenantRegistryProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "file";

  /** Setting: the registry's directory. */
  public static final String DIRECTORY = "file.directory";

  /** Setting: the journal size in bytes that triggers a compaction. */
  public static final String COMPACTION_THRESHOLD_BYTES = "file.compaction-threshold-bytes";

  private static final Set<String> KNOWN = Set.of(DIRECTORY, COMPACTION_THRESHOLD_BYTES);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FileTenantRegistryProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the registry in the configured directory.
   *
   * @throws IllegalArgumentException naming the setting if one is unknown, missing or invalid
   * @throws FileTenantRegistryException if the registry cannot be opened
   */
  @Override
  public TenantRegistry create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    for (String key : new TreeSet<>(config.keySet())) {
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException(
            "unknown setting '"
                + key
                + "' of the "
                + NAME
                + " tenant registry; known: "
                + new TreeSet<>(KNOWN));
      }
    }
    String directory = StoreSettings.required(config, DIRECTORY);
    Path path;
    try {
      path = Path.of(directory.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "property '" + DIRECTORY + "' is not a valid path: '" + directory + "'", e);
    }
    FileTenantRegistry.Builder builder = FileTenantRegistry.builder(path);
    String threshold = config.get(COMPACTION_THRESHOLD_BYTES);
    if (threshold != null) {
      builder.compactionThresholdBytes(StoreSettings.number(COMPACTION_THRESHOLD_BYTES, threshold));
    }
    return builder.open();
  }
}
