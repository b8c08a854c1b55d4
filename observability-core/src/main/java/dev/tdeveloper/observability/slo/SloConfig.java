package dev.tdeveloper.observability.slo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a {@code slos.yaml} file, as {@link SloConfigLoader} binds it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file name problems were reported with
 * @param slos the SLOs, in file order, each with the file's alert set (scaled to its window) or the
 *     standard one
 * @param alerts the file's own burn-rate alert set for a 30-day window, when it gives one
 */
public record SloConfig(String source, List<Slo> slos, Optional<BurnRateAlertSet> alerts) {
  /** Checks that no field is null and copies the list. */
  public SloConfig {
    Objects.requireNonNull(source, "source");
    slos = List.copyOf(slos);
    Objects.requireNonNull(alerts, "alerts");
  }

  /** Returns the SLO {@code id}, if the file defines it. */
  public Optional<Slo> slo(String id) {
    return slos.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
