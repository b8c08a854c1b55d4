package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A change one region publishes to others: whose data it is, on which topic (a replicated object,
 * such as {@code notes/acme}), when (an HLC stamp), to which regions, and the encoded delta or
 * state. The publisher names the targets so residency can refuse a replica before it leaves.
 *
 * <p>Immutable and thread-safe (the payload is copied in and out).
 *
 * @param origin the publishing region
 * @param targets the regions that must receive it, not including {@code origin}, at least one
 * @param tenant the tenant whose data it carries, when it carries any
 * @param topic what it changes: 1-200 characters of {@code [A-Za-z0-9._:/-]}
 * @param stamp the HLC time of the change at the origin
 * @param payload the encoded delta or state, at most 16 MiB
 */
public record Change(
    RegionId origin,
    Set<RegionId> targets,
    Optional<TenantId> tenant,
    String topic,
    HlcTimestamp stamp,
    byte[] payload) {
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

  /** The largest payload: 16 MiB. */
  public static final int MAX_PAYLOAD = 16 * 1024 * 1024;

  /**
   * Validates the change.
   *
   * @throws IllegalArgumentException naming the field, value and what is allowed
   */
  public Change {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(stamp, "stamp");
    Objects.requireNonNull(payload, "payload");
    targets = Collections.unmodifiableSet(new TreeSet<>(targets));
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("change on " + topic + " has no targets; allowed: 1+");
    }
    if (targets.contains(origin)) {
      throw new IllegalArgumentException(
          "change on " + topic + " targets its own origin " + origin);
    }
    if (!TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException(
          "topic '" + topic + "' is invalid; allowed: 1-200 characters of A-Z a-z 0-9 . _ : / -");
    }
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "payload of " + payload.length + " bytes is too large; allowed: up to " + MAX_PAYLOAD);
    }
    payload = payload.clone();
  }

  /** Returns a copy of the payload. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Change c
        && origin.equals(c.origin)
        && targets.equals(c.targets)
        && tenant.equals(c.tenant)
        && topic.equals(c.topic)
        && stamp.equals(c.stamp)
        && Arrays.equals(payload, c.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, targets, tenant, topic, stamp, Arrays.hashCode(payload));
  }

  @Override
  public String toString() {
    return "Change["
        + origin
        + "->"
        + targets
        + " "
        + topic
        + " @"
        + stamp
        + ", "
        + payload.length
        + " bytes]";
  }
}
