package dev.tdeveloper.distribution.residency;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ReplicationChannel} that refuses, before anything is published, a {@link Change}
 * carrying a tenant's data when its origin may not store that tenant's data ({@link
 * DataPurpose#STORAGE}) or any of its targets may not keep a replica ({@link DataPurpose#REPLICA}).
 * A refused change publishes nothing to any target, throws the {@link ResidencyViolationException}
 * of the first violation, and publishes one {@link ResidencyViolationEvent} per violation through
 * the enforcer's listeners. Changes without a tenant, and every other operation, pass through.
 *
 * <p>Thread-safe when the channel it wraps is.
 */
public final class ResidencyGuardedChannel implements ReplicationChannel {
  private final ReplicationChannel channel;
  private final ResidencyEnforcer enforcer;

  /**
   * Wraps {@code channel}.
   *
   * @param channel the channel to guard
   * @param enforcer the tenants' policies
   */
  public ResidencyGuardedChannel(ReplicationChannel channel, ResidencyEnforcer enforcer) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.enforcer = Objects.requireNonNull(enforcer, "enforcer");
  }

  /**
   * Publishes {@code change} if its tenant's policy allows its origin and every target.
   *
   * @throws ResidencyViolationException for the first refused region; nothing is published
   * @throws dev.tdeveloper.distribution.region.UnknownRegionException if the origin or a target is
   *     not in the catalog; nothing is published
   */
  @Override
  public ReplicationMessage publish(Change change) {
    Objects.requireNonNull(change, "change");
    if (change.tenant().isPresent()) {
      TenantId tenant = change.tenant().get();
      List<ResidencyDecision.Violation> violations = new ArrayList<>();
      if (enforcer.check(tenant, DataPurpose.STORAGE, change.origin())
          instanceof ResidencyDecision.Violation v) {
        violations.add(v);
      }
      for (RegionId target : change.targets()) {
        if (enforcer.check(tenant, DataPurpose.REPLICA, target)
            instanceof ResidencyDecision.Violation v) {
          violations.add(v);
        }
      }
      if (!violations.isEmpty()) {
        String operation =
            "replicate " + change.topic() + " from " + change.origin() + " to " + change.targets();
        ResidencyViolationException first = null;
        for (ResidencyDecision.Violation v : violations) {
          ResidencyViolationException e = enforcer.refuse(v, operation);
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
        throw first;
      }
    }
    return channel.publish(change);
  }

  @Override
  public List<ReplicationMessage> poll(RegionId receiver, int max) {
    return channel.poll(receiver, max);
  }

  @Override
  public void acknowledge(RegionId receiver, RegionId origin, long sequence) {
    channel.acknowledge(receiver, origin, sequence);
  }

  @Override
  public long acknowledged(RegionId receiver, RegionId origin) {
    return channel.acknowledged(receiver, origin);
  }

  @Override
  public long published(RegionId origin) {
    return channel.published(origin);
  }
}
