package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.internal.StoreSettings;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link FileUsageStore}s under the name {@value #NAME}. Properties: {@value #DIRECTORY}
 * (required), {@value #FSYNC_POLICY} ({@code every_append}, {@code group_commit} or {@code never},
 * any case; default group_commit) and {@value #SEGMENT_SIZE_BYTES}.
 *
 * <p>Stateless and thread-safe.
 */
public final class FileUsageStoreProvider implements UsageStoreProvider {
  /** The provider name: {@value}. */
  public static final String NAME = "file";

  /** Property: the store directory. */
  public static final String DIRECTORY = "directory";

  /** Property: the {@link FsyncPolicy} name. */
  public static final String FSYNC_POLICY = "fsync-policy";

  /** Property: the segment size in bytes. */
  public static final String SEGMENT_SIZE_BYTES = "segment-size-bytes";

  private static final Set<String> KNOWN = Set.of(DIRECTORY, FSYNC_POLICY, SEGMENT_SIZE_BYTES);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FileUsageStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public UsageStore create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    for (String key : properties.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException(
            "unknown property '" + key + "' of the file usage store; known: " + KNOWN);
      }
    }
    FileUsageStoreBuilder builder =
        FileUsageStore.builder(Path.of(StoreSettings.required(properties, DIRECTORY)));
    String policy = properties.get(FSYNC_POLICY);
    if (policy != null) {
      builder.fsyncPolicy(StoreSettings.constant(FSYNC_POLICY, policy, FsyncPolicy.class));
    }
    String size = properties.get(SEGMENT_SIZE_BYTES);
    if (size != null) {
      builder.segmentSizeBytes(StoreSettings.number(SEGMENT_SIZE_BYTES, size));
    }
    return builder.open();
  }
}
