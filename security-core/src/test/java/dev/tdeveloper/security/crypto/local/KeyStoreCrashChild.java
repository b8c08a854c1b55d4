package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.AttemptLog;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Child JVM of {@link KeyStoreCrashTest}. Mode {@code rotate}: rotates three tenants in turn,
 * recording each tenant in the {@link AttemptLog} {@code attempts} before and printing {@code ACK t
 * v} after, until killed. Mode {@code destroy <step>}: wraps a key under each of two versions, then
 * destroys version 1 and blocks at the journal-rewrite step.
 */
public final class KeyStoreCrashChild {
  private KeyStoreCrashChild() {}

  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    Path dir = Path.of(args[0]);
    MasterKey master = MasterKey.fromFile(dir.resolve("master.key"));
    String stepToHold = args[1].equals("destroy") ? args[2] : "";
    LocalKeyManager keys =
        LocalKeyManager.builder(dir.resolve("keys"), master)
            .crashHook(
                step -> {
                  if (step.equals(stepToHold)) {
                    System.out.println("STEP " + step);
                    System.out.flush();
                    CrashPoint.hold();
                  }
                })
            .open();
    if (args[1].equals("rotate")) {
      AttemptLog attempts = AttemptLog.open(dir.resolve("attempts"));
      for (int i = 0; ; i++) {
        TenantId tenant = TenantId.of("t" + i % 3);
        attempts.record(tenant.value());
        System.out.println("ACK " + tenant.value() + " " + keys.rotate(tenant).version());
      }
    }
    TenantId tenant = TenantId.of("victim");
    keys.rotate(tenant);
    keys.rotate(tenant);
    HexFormat hex = HexFormat.of();
    for (int v = 1; v <= 2; v++) {
      byte[] dek = new byte[32];
      dek[0] = (byte) v;
      System.out.println(
          "WRAPPED " + v + " " + hex.formatHex(keys.wrap(tenant, v, dek, new byte[0])));
    }
    keys.destroy(tenant, 1);
    System.out.println("DESTROYED");
  }
}
