package dev.tdeveloper.tenancy.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Picks one provider of an SPI by the suite's rule: none found is an error naming the artifact to
 * add; one found is used; several found need a configured name, else the error lists their names.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProviderSelector {
  private ProviderSelector() {}

  /**
   * Selects a provider of {@code type} from the context class loader.
   *
   * @param type the provider interface
   * @param configuredName the name configured by the user, if any
   * @param artifactHint the Maven artifact that brings a provider, for the error message
   * @throws IllegalStateException if none, or several without a configured name, or none of that
   *     name
   */
  public static <P extends NamedProvider> P select(
      Class<P> type, Optional<String> configuredName, String artifactHint) {
    Objects.requireNonNull(type, "type");
    List<P> found = new ArrayList<>();
    ServiceLoader.load(type).forEach(found::add);
    return select(type, found, configuredName, artifactHint);
  }

  /** Applies the selection rule to an explicit list of candidates. */
  public static <P extends NamedProvider> P select(
      Class<P> type, List<P> candidates, Optional<String> configuredName, String artifactHint) {
    Objects.requireNonNull(candidates, "candidates");
    Objects.requireNonNull(configuredName, "configuredName");
    String names = candidates.stream().map(NamedProvider::name).collect(Collectors.joining(", "));
    if (configuredName.isPresent()) {
      String wanted = configuredName.get();
      return candidates.stream()
          .filter(p -> p.name().equals(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no "
                          + type.getSimpleName()
                          + " named '"
                          + wanted
                          + "'; found: ["
                          + names
                          + "]"
                          + (candidates.isEmpty() ? "; add " + artifactHint : "")));
    }
    if (candidates.isEmpty()) {
      throw new IllegalStateException(
          "no " + type.getSimpleName() + " found on the class path; add " + artifactHint);
    }
    if (candidates.size() > 1) {
      throw new IllegalStateException(
          "several " + type.getSimpleName() + "s found: [" + names + "]; configure one by name");
    }
    return candidates.get(0);
  }
}
