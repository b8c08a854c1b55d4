package dev.tdeveloper.cost.price;

import java.util.Objects;
import java.util.Optional;

/**
 * What a unit price is for: a region, a resource, a pricing model and, for egress only, a
 * destination ({@code "internet"}, {@code "inter-region"}, {@code "same-region"}, ...).
 *
 * @param region the region, {@code "eu-west-1"} for example
 * @param resource the resource
 * @param model the pricing model
 * @param destination the egress destination; present exactly when {@code resource} is {@link
 *     ResourceType#EGRESS}
 */
public record PriceKey(
    String region, ResourceType resource, PricingModel model, Optional<String> destination) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the region is blank, or a destination is given for
   *     anything but egress, or missing for egress
   */
  public PriceKey {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(destination, "destination");
    if (region.isBlank()) {
      throw new IllegalArgumentException("region: blank; allowed: a region name");
    }
    if (resource == ResourceType.EGRESS && destination.isEmpty()) {
      throw new IllegalArgumentException(
          "destination: missing for egress in "
              + region
              + "; allowed: internet, inter-region, ...");
    }
    if (resource != ResourceType.EGRESS && destination.isPresent()) {
      throw new IllegalArgumentException(
          "destination: '"
              + destination.get()
              + "' given for "
              + resource.key()
              + "; allowed: only for egress");
    }
  }

  /**
   * A key for anything but egress.
   *
   * @param region the region
   * @param resource the resource
   * @param model the pricing model
   * @return the key
   */
  public static PriceKey of(String region, ResourceType resource, PricingModel model) {
    return new PriceKey(region, resource, model, Optional.empty());
  }

  /**
   * A key for egress.
   *
   * @param region the region the data leaves
   * @param destination where it goes
   * @return the key, on-demand
   */
  public static PriceKey egress(String region, String destination) {
    return new PriceKey(
        region, ResourceType.EGRESS, PricingModel.ON_DEMAND, Optional.of(destination));
  }
}
