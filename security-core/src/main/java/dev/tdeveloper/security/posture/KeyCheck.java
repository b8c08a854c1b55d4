package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Checks each tenant's key in a {@link KeyManager}: the primary version's age against the policy, a
 * newest version that is not enabled, and (when the policy requires it) a tenant the caller expects
 * that has no key at all. Each tenant is checked on its own: its findings name only it, and a
 * tenant whose keys cannot be read does not hide the others'.
 */
final class KeyCheck implements PostureCheck {
  static final String ID = "keys";

  private final KeyManager keys;
  private final Supplier<? extends Collection<TenantId>> expected;

  KeyCheck(KeyManager keys, Supplier<? extends Collection<TenantId>> expected) {
    this.keys = keys;
    this.expected = expected;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> run(PostureContext context) {
    Set<TenantId> wanted = new TreeSet<>(expected.get());
    Set<TenantId> tenants = new TreeSet<>(keys.tenants());
    tenants.addAll(wanted);
    return SubjectChecks.checkEach(
        ID,
        tenants,
        Subject::tenant,
        tenant -> "the key versions of tenant '" + tenant.value() + "'",
        "check the key manager (see the log)",
        (tenant, subject) -> check(tenant, subject, wanted.contains(tenant), context));
  }

  private Optional<Finding> check(
      TenantId tenant, Subject subject, boolean expected, PostureContext context) {
    List<KeyVersion> versions = keys.versions(tenant);
    if (versions.isEmpty()) {
      if (!expected || !context.policy().requireTenantKey()) {
        return Optional.empty();
      }
      return Optional.of(
          new Finding(
              ID + ".missing",
              Severity.HIGH,
              subject,
              "tenant '" + tenant.value() + "' has no encryption key",
              "create its key (KeyLifecycle.rotate) when the tenant is provisioned",
              "no key",
              "a key"));
    }
    Optional<KeyVersion> primary = keys.primary(tenant);
    if (primary.isEmpty()) {
      KeyVersion newest = versions.get(versions.size() - 1);
      if (newest.state() == KeyState.DESTROYED && !expected) {
        return Optional.empty(); // shredded on offboarding
      }
      return Optional.of(
          new Finding(
              ID + ".no-primary",
              Severity.MEDIUM,
              subject,
              "the newest key version of tenant '"
                  + tenant.value()
                  + "' (v"
                  + newest.version()
                  + ") is "
                  + newest.state()
                  + ", so nothing new can be encrypted",
              "enable that version or rotate the tenant's key",
              "v" + newest.version() + " " + newest.state(),
              "an enabled primary version"));
    }
    return SubjectChecks.tooOld(
        ID,
        subject,
        "the primary key version of tenant '" + tenant.value() + "'",
        "v" + primary.get().version() + ", ",
        primary.get().createdAt(),
        context.policy().keyMaximumAge(),
        context,
        "rotate the tenant's key (KeyLifecycle.rotateDue on a schedule)");
  }
}
