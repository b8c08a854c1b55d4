package dev.tdeveloper.compliance.controls;

import java.time.Duration;
import java.util.Objects;

/** The set-once, positive-duration rule shared by the collectors' age settings. */
final class Ages {
  private Ages() {}

  static Duration once(String field, Duration current, Duration value) {
    Objects.requireNonNull(value, field);
    if (current != null) {
      throw new IllegalStateException(field + " was already set");
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
    return value;
  }
}
