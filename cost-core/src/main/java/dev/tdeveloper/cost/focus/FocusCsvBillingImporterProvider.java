package dev.tdeveloper.cost.focus;

import dev.tdeveloper.cost.spi.BillingImporter;
import dev.tdeveloper.cost.spi.BillingImporterProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link FocusCsvBillingImporter}s under the name {@value #NAME}. Properties: {@value
 * #PATH} (required: a {@code .csv} file or a directory of them) and {@value #LENIENT} ({@code true}
 * or {@code false}, default false).
 *
 * <p>Stateless and thread-safe.
 */
public final class FocusCsvBillingImporterProvider implements BillingImporterProvider {
  /** The provider name: {@value}. */
  public static final String NAME = FocusCsvBillingImporter.NAME;

  /** Property: the bill file or directory. */
  public static final String PATH = "path";

  /** Property: whether unmappable usage rows are set aside rather than refused. */
  public static final String LENIENT = "lenient";

  private static final Set<String> KNOWN = Set.of(PATH, LENIENT);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FocusCsvBillingImporterProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BillingImporter create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    for (String key : properties.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException(
            "unknown property '" + key + "' of the focus-csv importer; known: " + KNOWN);
      }
    }
    String path = properties.get(PATH);
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(
          "property '" + PATH + "' of the focus-csv importer: missing; allowed: a file or folder");
    }
    FocusCsvBillingImporter.Builder builder = FocusCsvBillingImporter.builder(Path.of(path));
    String lenient = properties.getOrDefault(LENIENT, "false");
    switch (lenient) {
      case "true" -> builder.lenient();
      case "false" -> {}
      default ->
          throw new IllegalArgumentException(
              "property '" + LENIENT + "': '" + lenient + "'; allowed: true, false");
    }
    return builder.build();
  }
}
