package dev.tdeveloper.scaling.vertical;

import java.util.Objects;

/**
 * Which container a recommendation is for: one container of one workload (the VPA aggregates the
 * same way, over every pod of a controller). Keys of different workloads never share state.
 *
 * @param workload the workload's name, {@code "tenant-a/web"} for example
 * @param container the container's name within the workload
 */
public record ContainerKey(String workload, String container) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a name is blank
   */
  public ContainerKey {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(container, "container");
    if (workload.isBlank()) {
      throw new IllegalArgumentException("workload: blank; allowed: a non-blank name");
    }
    if (container.isBlank()) {
      throw new IllegalArgumentException("container: blank; allowed: a non-blank name");
    }
  }

  /**
   * A key.
   *
   * @param workload the workload's name
   * @param container the container's name
   * @return the key
   */
  public static ContainerKey of(String workload, String container) {
    return new ContainerKey(workload, container);
  }

  @Override
  public String toString() {
    return workload + "/" + container;
  }
}
