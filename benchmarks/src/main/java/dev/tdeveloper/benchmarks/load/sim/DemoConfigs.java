package dev.tdeveloper.benchmarks.load.sim;

import dev.tdeveloper.cost.price.PriceBook;
import dev.tdeveloper.cost.price.PriceBookLoader;
import dev.tdeveloper.distribution.region.DistributionConfig;
import dev.tdeveloper.distribution.region.RegionConfigLoader;
import dev.tdeveloper.scaling.config.ScalingConfig;
import dev.tdeveloper.scaling.config.ScalingConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo's bundled configuration files (the copies it starts with when none sits next to its
 * {@code tenants.yaml}), read from the class path with the suite's own loaders, so the simulations
 * run the demo's autoscaler, regions and prices. Stateless.
 */
final class DemoConfigs {
  private static final String DIR = "config/production/";

  private DemoConfigs() {}

  /** The demo's {@code scaling.yaml}. */
  static ScalingConfig scaling() {
    return ScalingConfigLoader.parse(DIR + "scaling.yaml", read("scaling.yaml"));
  }

  /** The demo's {@code regions.yaml}: five regions. */
  static DistributionConfig regions() {
    return RegionConfigLoader.parse(DIR + "regions.yaml", read("regions.yaml"));
  }

  /** The demo's {@code price-book.yaml}. */
  static PriceBook prices() {
    return PriceBookLoader.parse(
        DIR + "price-book.yaml", read("price-book.yaml"), PriceBookLoader.Format.YAML);
  }

  private static String read(String file) {
    try (InputStream in = DemoConfigs.class.getClassLoader().getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException(
            DIR + file + " is not on the class path; the demo module must be");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
