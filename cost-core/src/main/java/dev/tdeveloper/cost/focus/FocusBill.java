package dev.tdeveloper.cost.focus;

import dev.tdeveloper.cost.allocation.Asset;
import java.util.List;
import java.util.Objects;

/**
 * A FOCUS bill read for one period: the usage rows as {@link Asset}s (what is allocated) and every
 * other row set aside (taxes, credits, purchases, corrections, ...), in file and row order.
 *
 * @param assets the assets
 * @param setAside the charges that are not assets
 */
public record FocusBill(List<Asset> assets, List<SetAsideCharge> setAside) {
  /** Copies. */
  public FocusBill {
    assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
    setAside = List.copyOf(Objects.requireNonNull(setAside, "setAside"));
  }
}
