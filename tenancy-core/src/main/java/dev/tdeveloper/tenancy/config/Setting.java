package dev.tdeveloper.tenancy.config;

import java.util.Objects;

/**
 * One setting as written in one layer of the file: its value, the layer, and where it was written
 * (for error messages). Compare values with {@link #value()}: two settings read from files that
 * differ only in formatting have equal values but different locations.
 */
record Setting(Scalar value, ConfigLayer layer, ConfigLocation location, String path) {
  Setting {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(path, "path");
  }
}
