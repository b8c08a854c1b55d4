package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Child JVM of {@link LegalHoldsCrashTest}: places holds in tenants {@code t0} and {@code t1} and
 * releases every other one again, printing {@code PLACED tenant id} and {@code RELEASED id} after
 * each change returned, until killed.
 */
public final class HoldCrashChild {
  private HoldCrashChild() {}

  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    FileLegalHolds holds = FileLegalHolds.open(Path.of(args[0]), InstantSource.system());
    for (int i = 0; ; i++) {
      TenantId tenant = TenantId.of("t" + i % 2);
      LegalHold hold =
          holds.place(tenant, Optional.empty(), Optional.of("c" + i), "hold number " + i);
      System.out.println("PLACED " + tenant.value() + " " + hold.id());
      if (i % 2 == 0) {
        holds.release(hold.id(), "release of " + hold.id());
        System.out.println("RELEASED " + hold.id());
      }
    }
  }
}
