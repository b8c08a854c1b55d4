package dev.tdeveloper.cost.optimize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of CPU and memory: a workload's request, a proposed size, a commitment. Memory is
 * priced per GiB (2<sup>30</sup> bytes), the unit cloud providers bill a "GB-hour" of memory in.
 * Immutable and thread-safe.
 *
 * @param cpuCores cores, at least 0
 * @param memoryBytes bytes, at least 0
 */
public record Capacity(BigDecimal cpuCores, long memoryBytes) {
  /** Nothing: a workload scaled to zero or removed. */
  public static final Capacity ZERO = new Capacity(BigDecimal.ZERO, 0);

  /** Bytes in a GiB, the memory pricing unit. */
  public static final long BYTES_PER_GIB = 1L << 30;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the field when a quantity is negative
   */
  public Capacity {
    Objects.requireNonNull(cpuCores, "cpuCores");
    if (cpuCores.signum() < 0) {
      throw new IllegalArgumentException("cpuCores: " + cpuCores + " is negative; allowed: >= 0");
    }
    if (memoryBytes < 0) {
      throw new IllegalArgumentException(
          "memoryBytes: " + memoryBytes + " is negative; allowed: >= 0");
    }
  }

  /**
   * The memory in GiB, exact (a power of two divides a decimal exactly).
   *
   * @return memory bytes / 2<sup>30</sup>
   */
  public BigDecimal memoryGib() {
    return new BigDecimal(memoryBytes).divide(BigDecimal.valueOf(BYTES_PER_GIB));
  }

  /**
   * This plus another capacity.
   *
   * @param other the capacity to add
   * @return the sum
   */
  public Capacity plus(Capacity other) {
    return new Capacity(
        cpuCores.add(other.cpuCores), Math.addExact(memoryBytes, other.memoryBytes));
  }

  @Override
  public String toString() {
    return cpuCores.stripTrailingZeros().toPlainString()
        + " cores, "
        + memoryGib().setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
        + " GiB";
  }
}
