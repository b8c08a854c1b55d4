package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.spi.AuditSinkProvider;
import dev.tdeveloper.tenancy.internal.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link FileAuditSink}s under the name {@value #NAME}, dating segments by the
 * configuration's clock. Properties: {@value #DIRECTORY} (required), {@value #SEGMENT_BYTES},
 * {@value #RETENTION_MAX_AGE} (an ISO-8601 duration such as {@code P400D}) and {@value
 * #RETENTION_MAX_BYTES}. Other {@code file.*} properties are rejected as typos; properties of other
 * backends (another prefix) are ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class FileAuditSinkProvider implements AuditSinkProvider {
  /** The provider name: {@value}. */
  public static final String NAME = "file";

  /** Property: the log directory. */
  public static final String DIRECTORY = "file.directory";

  /** Property: the segment size in bytes. */
  public static final String SEGMENT_BYTES = "file.segment-bytes";

  /** Property: how long sealed segments are kept, as an ISO-8601 duration. */
  public static final String RETENTION_MAX_AGE = "file.retention.max-age";

  /** Property: the most bytes all segments may take together. */
  public static final String RETENTION_MAX_BYTES = "file.retention.max-bytes";

  private static final Set<String> KNOWN =
      Set.of(DIRECTORY, SEGMENT_BYTES, RETENTION_MAX_AGE, RETENTION_MAX_BYTES);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FileAuditSinkProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AuditSink create(Config config) {
    Objects.requireNonNull(config, "config");
    Map<String, String> properties = config.properties();
    for (String key : properties.keySet()) {
      if (key.startsWith("file.") && !KNOWN.contains(key)) {
        throw new IllegalArgumentException(
            "unknown property '" + key + "' of the file audit sink; known: " + KNOWN);
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
    FileAuditSinkBuilder builder = FileAuditSink.builder(path).clock(config.clock());
    String segmentBytes = properties.get(SEGMENT_BYTES);
    if (segmentBytes != null) {
      builder.segmentBytes(StoreSettings.number(SEGMENT_BYTES, segmentBytes));
    }
    RetentionSettings retention = RetentionSettings.keepAll();
    String maxAge = properties.get(RETENTION_MAX_AGE);
    if (maxAge != null) {
      retention = retention.withMaxAge(duration(maxAge));
    }
    String maxBytes = properties.get(RETENTION_MAX_BYTES);
    if (maxBytes != null) {
      retention = retention.withMaxBytes(StoreSettings.number(RETENTION_MAX_BYTES, maxBytes));
    }
    return builder.retention(retention).open();
  }

  private static Duration duration(String value) {
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "property '"
              + RETENTION_MAX_AGE
              + "' is not an ISO-8601 duration such as P400D: '"
              + value
              + "'",
          e);
    }
  }
}
