package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreProvider;
import java.nio.file.Path;
import java.util.Locale;
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
    String directory = properties.get(DIRECTORY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException("property '" + DIRECTORY + "' is required");
    }
    FileUsageStoreBuilder builder = FileUsageStore.builder(Path.of(directory));
    String policy = properties.get(FSYNC_POLICY);
    if (policy != null) {
      try {
        builder.fsyncPolicy(FsyncPolicy.valueOf(policy.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "property '"
                + FSYNC_POLICY
                + "' is '"
                + policy
                + "' (allowed: every_append, group_commit, never)",
            e);
      }
    }
    String size = properties.get(SEGMENT_SIZE_BYTES);
    if (size != null) {
      try {
        builder.segmentSizeBytes(Long.parseLong(size.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "property '" + SEGMENT_SIZE_BYTES + "' is not a number: '" + size + "'", e);
      }
    }
    return builder.open();
  }
}
