package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretVersion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks each secret of a {@link SecretStore}: its CURRENT version's age against the policy, or a
 * secret with no CURRENT version. Reads version metadata only, never a value. Each secret is
 * checked on its own, and a tenant's secret is a subject of that tenant.
 */
final class SecretCheck implements PostureCheck {
  static final String ID = "secrets";

  private final SecretStore store;

  SecretCheck(SecretStore store) {
    this.store = store;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> run(PostureContext context) {
    return SubjectChecks.checkEach(
        ID,
        store.names(),
        name -> new Subject("secret", name.qualified(), name.tenant()),
        name -> "the versions of secret '" + name.qualified() + "'",
        "check the secret store (see the log)",
        (name, subject) -> check(name, subject, context));
  }

  private Optional<Finding> check(SecretName name, Subject subject, PostureContext context) {
    Optional<SecretVersion> current = store.versionAt(name, SecretLabel.CURRENT);
    Duration maximum = context.policy().secretMaximumAge();
    if (current.isEmpty()) {
      return Optional.of(
          new Finding(
              ID + ".no-current",
              Severity.HIGH,
              subject,
              "secret '" + name.qualified() + "' has no CURRENT version",
              "finish or rerun its rotation (SecretRotator), or put a CURRENT version",
              "no CURRENT version",
              "a CURRENT version less than " + Ages.describe(maximum) + " old"));
    }
    return SubjectChecks.tooOld(
        ID,
        subject,
        "the CURRENT version of secret '" + name.qualified() + "'",
        "",
        current.get().created(),
        maximum,
        context,
        "rotate the secret (SecretRotator on a schedule)");
  }
}
