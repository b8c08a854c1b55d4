package dev.tdeveloper.scaling.hpa;

/** How the policies of one direction combine, as the HPA's {@code selectPolicy}. */
public enum SelectPolicy {
  /** The policy allowing the biggest change applies (the default). */
  MAX,
  /** The policy allowing the smallest change applies. */
  MIN,
  /** No scaling in this direction at all. */
  DISABLED
}
