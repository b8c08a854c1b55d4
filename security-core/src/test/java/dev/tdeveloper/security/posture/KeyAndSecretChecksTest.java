package dev.tdeveloper.security.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.security.secrets.InMemorySecretStore;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyAndSecretChecksTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final TenantId INITECH = TenantId.of("initech");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private LocalKeyManager keys;

  @BeforeEach
  void open() {
    MasterKey.generateFile(dir.resolve("master.key"));
    keys =
        LocalKeyManager.builder(dir.resolve("keys"), MasterKey.fromFile(dir.resolve("master.key")))
            .clock(clock)
            .open();
  }

  @AfterEach
  void close() {
    keys.close();
  }

  private List<Finding> run(PostureCheck check) {
    return check.run(new PostureContext(SecurityPolicy.defaults(), clock.instant()));
  }

  @Test
  void freshKeysForEveryExpectedTenantPass() {
    keys.rotate(ACME);
    keys.rotate(GLOBEX);
    clock.advance(Duration.ofDays(89));

    assertThat(run(PostureChecks.tenantKeys(keys, () -> List.of(ACME, GLOBEX)))).isEmpty();
  }

  @Test
  void oneTenantsStaleKeyIsAFindingAboutThatTenantOnly() {
    keys.rotate(ACME);
    clock.advance(Duration.ofDays(60));
    keys.rotate(GLOBEX);
    clock.advance(Duration.ofDays(31)); // acme's key is 91 days old, globex's 31

    List<Finding> findings = run(PostureChecks.tenantKeys(keys));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.checkId()).isEqualTo("keys.too-old");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.subject()).isEqualTo(Subject.tenant(ACME));
              assertThat(f.observed()).isEqualTo("91 days");
              assertThat(f.required()).isEqualTo("less than 90 days");
              assertThat(f.message()).contains("acme").doesNotContain("globex");
            });
  }

  @Test
  void expectedTenantsWithoutAKeyOrAnEnabledPrimaryAreFindings() {
    keys.rotate(GLOBEX);
    keys.disable(GLOBEX, 1);

    List<Finding> findings =
        run(PostureChecks.tenantKeys(keys, () -> List.of(ACME, GLOBEX, INITECH)));

    assertThat(findings)
        .extracting(Finding::checkId, f -> f.subject().id())
        .containsExactly(
            tuple("keys.missing", "acme"),
            tuple("keys.no-primary", "globex"),
            tuple("keys.missing", "initech"));
    SecurityPolicy lenient = SecurityPolicy.builder().requireTenantKey(false).build();
    assertThat(
            PostureChecks.tenantKeys(keys, () -> List.of(ACME))
                .run(new PostureContext(lenient, clock.instant())))
        .extracting(Finding::checkId, f -> f.subject().id())
        .containsExactly(tuple("keys.no-primary", "globex"));
  }

  @Test
  void aShreddedOffboardedTenantIsNotAFinding() {
    keys.rotate(ACME);
    keys.destroy(ACME, 1);

    assertThat(run(PostureChecks.tenantKeys(keys))).isEmpty();
  }

  @Test
  void secretsWithAFreshCurrentVersionPass() {
    InMemorySecretStore store = InMemorySecretStore.create(clock);
    store.putCurrent(SecretName.platform("db/password"), "v1", Secret.ofString("hunter2"));
    clock.advance(Duration.ofDays(89));

    assertThat(run(PostureChecks.secrets(store))).isEmpty();
  }

  @Test
  void staleOrMissingCurrentVersionsAreFindingsWithoutTheirValues() {
    InMemorySecretStore store = InMemorySecretStore.create(clock);
    store.putCurrent(
        SecretName.of(ACME, "webhook-key"), "v1", Secret.ofString("acme-s3cr3t-value"));
    clock.advance(Duration.ofDays(80));
    store.putCurrent(SecretName.of(GLOBEX, "webhook-key"), "v1", Secret.ofString("globex-s3cr3t"));
    store.put(SecretName.platform("smtp"), "v1", Secret.ofString("smtp-s3cr3t"));
    clock.advance(Duration.ofDays(15));

    List<Finding> findings = run(PostureChecks.secrets(store));

    assertThat(findings)
        .extracting(Finding::checkId, Finding::subject)
        .containsExactlyInAnyOrder(
            tuple("secrets.no-current", SecretSubject.platform("smtp")),
            tuple("secrets.too-old", SecretSubject.of(ACME, "webhook-key")));
    assertThat(findings.toString()).doesNotContain("s3cr3t");
    assertThat(
            new PostureReport(
                    clock.instant(), SecurityPolicy.defaults(), List.of("secrets"), findings)
                .forTenant(GLOBEX))
        .isEmpty();
    assertThat(Set.copyOf(findings.stream().map(f -> f.subject().tenant()).toList()))
        .containsExactlyInAnyOrder(java.util.Optional.empty(), java.util.Optional.of(ACME));
  }

  /** The subjects the secrets check reports. */
  private static final class SecretSubject {
    static Subject platform(String name) {
      return Subject.platform("secret", SecretName.platform(name).qualified());
    }

    static Subject of(TenantId tenant, String name) {
      return Subject.ofTenant("secret", SecretName.of(tenant, name).qualified(), tenant);
    }
  }
}
