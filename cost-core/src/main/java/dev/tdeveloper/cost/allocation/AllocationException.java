package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.CostException;

/**
 * Inputs that cannot be allocated: usage for an asset not in the bill, usage outside its asset's
 * period or of another resource, usage above capacity, mixed currencies, duplicate asset ids. The
 * message names the asset, record or tenant; nothing is half-computed.
 */
public class AllocationException extends CostException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong, naming the asset, record or tenant and what is allowed
   */
  public AllocationException(String message) {
    super(message);
  }
}
