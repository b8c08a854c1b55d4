package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.AttemptLog;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.CrashPoint;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Child JVM of {@link PseudonymVaultCrashTest}. Mode {@code churn}: pseudonymizes {@code user-i} in
 * tenant {@code t(i%2)} and, every third value, forgets it again; each step is recorded in the
 * {@link AttemptLog} before and printed ({@code PSN t v p}, {@code FORGOT t v}) after, until
 * killed. Mode {@code hold <step>}: pseudonymizes two values, then forgets the first and holds at
 * the rewrite step. Mode {@code concurrent}: four threads, one per tenant {@code t0..t3},
 * pseudonymize {@code user-i} and print {@code PSN t v p} after each, until killed. Mode {@code
 * consent}: grants consents in a durable ledger (vault and ledger both on disk), printing {@code
 * GRANTED i hash} after each, until killed.
 */
public final class VaultCrashChild {
  private VaultCrashChild() {}

  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    Path dir = Path.of(args[0]);
    if (args[1].equals("consent")) {
      grantForever(dir);
    }
    String hold = args[1].equals("hold") ? args[2] : "";
    FilePseudonymVault vault =
        FilePseudonymVault.open(
            dir.resolve("vault"), CrashPoint.holdAt(hold.isEmpty() ? "never" : hold));
    if (args[1].equals("concurrent")) {
      for (int t = 0; t < 4; t++) {
        String tenant = "t" + t;
        new Thread(
                () -> {
                  for (int i = 0; ; i++) {
                    String value = "user-" + i + "@example.com";
                    String p = vault.pseudonymize(Optional.of(TenantId.of(tenant)), value);
                    System.out.println("PSN " + tenant + " " + value + " " + p);
                  }
                })
            .start();
      }
      return;
    }
    if (args[1].equals("churn")) {
      AttemptLog attempts = AttemptLog.open(dir.resolve("attempts"));
      for (int i = 0; ; i++) {
        String tenant = "t" + (i % 2);
        String value = "user-" + i + "@example.com";
        attempts.record("psn " + value);
        String p = vault.pseudonymize(Optional.of(TenantId.of(tenant)), value);
        System.out.println("PSN " + tenant + " " + value + " " + p);
        if (i % 3 == 0) {
          attempts.record("forget " + value);
          vault.forget(Optional.of(TenantId.of(tenant)), value);
          System.out.println("FORGOT " + tenant + " " + value);
        }
      }
    }
    Optional<TenantId> t = Optional.of(TenantId.of("victim"));
    System.out.println("PSN victim kept@example.com " + vault.pseudonymize(t, "kept@example.com"));
    vault.pseudonymize(t, "gone@example.com");
    System.out.println("FORGETTING");
    vault.forget(t, "gone@example.com");
  }

  private static void grantForever(Path dir) {
    FilePseudonymVault vault = FilePseudonymVault.open(dir.resolve("vault"));
    FileConsentLedger ledger =
        FileConsentLedger.open(dir.resolve("consents"), vault, java.time.InstantSource.system());
    for (int i = 0; ; i++) {
      ConsentRecord r =
          ledger.grant(TenantId.of("t" + i % 2), "user-" + i, "marketing", "v1", "form");
      System.out.println("GRANTED " + r.index() + " " + r.hash());
    }
  }
}
