package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AuditQueryIsolationPropertyTest {
  private static final List<String> TENANTS = List.of("acme", "globex", "initech");

  @Property(tries = 40)
  void everyTenantSeesExactlyItsOwnEntries(@ForAll("plans") List<int[]> plan) {
    MapPseudonymizer pseudonymizer = new MapPseudonymizer();
    try (AuditLogger logger = AuditLogger.builder().pseudonymizer(pseudonymizer).build()) {
      for (int[] p : plan) { // p = {tenant, actor, resource}; all collide across tenants
        logger.log(
            AuditEvent.builder("note.read", Events.T0)
                .tenant(TenantId.of(TENANTS.get(p[0])))
                .actor("user" + p[1])
                .resource("notes/" + p[2])
                .build());
      }
      logger.logAndWait(AuditEvent.builder("done", Events.T0).build());
      for (int t = 0; t < TENANTS.size(); t++) {
        TenantId tenant = TenantId.of(TENANTS.get(t));
        int index = t;
        for (int actor = 0; actor < 3; actor++) {
          int a = actor;
          long expected = plan.stream().filter(p -> p[0] == index && p[1] == a).count();
          List<AuditEntry> found =
              logger.query(
                  AuditQuery.forTenant(tenant).actor("user" + actor).limit(10_000).build());
          assertThat(found)
              .hasSize((int) expected)
              .allSatisfy(
                  e -> {
                    assertThat(e.event().tenant()).isEqualTo(Optional.of(tenant));
                    assertThat(e.event().actor())
                        .isEqualTo(
                            pseudonymizer.lookup(Optional.of(tenant), "user" + a).orElseThrow());
                  });
        }
      }
    }
  }

  @Provide
  Arbitrary<List<int[]>> plans() {
    Arbitrary<int[]> one =
        Arbitraries.integers().between(0, 26).map(i -> new int[] {i % 3, (i / 3) % 3, i / 9});
    return one.list().ofMaxSize(60);
  }
}
