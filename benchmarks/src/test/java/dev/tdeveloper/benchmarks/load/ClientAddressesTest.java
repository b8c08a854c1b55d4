package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.shield.IpAddress;
import dev.tdeveloper.security.shield.IpRangeSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
  private static final IpRangeSet DOCUMENTATION =
      IpRangeSet.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24");

  @Test
  void everyTenantTheFloodAndTheAttackerHaveTheirOwnDocumentationAddress() {
    Set<String> seen = new HashSet<>();
    for (LoadTenant t : Roster.standard().tenants()) {
      String address = ClientAddresses.tenant(t.id());
      assertThat(DOCUMENTATION.contains(IpAddress.parse(address))).as(address).isTrue();
      assertThat(seen.add(address)).as(t.id() + " shares " + address).isTrue();
      for (long sequence = 0; sequence < 3 * ClientAddresses.CLIENTS_PER_TENANT; sequence++) {
        assertThat(ClientAddresses.of(t, RequestKind.FLOOD, sequence))
            .isEqualTo(ClientAddresses.FLOODER);
        assertThat(ClientAddresses.of(t, RequestKind.ATTACK, sequence))
            .isEqualTo(ClientAddresses.ATTACKER);
      }
    }
    assertThat(seen).doesNotContain(ClientAddresses.FLOODER, ClientAddresses.ATTACKER);
    assertThat(ClientAddresses.FLOODER).isNotEqualTo(ClientAddresses.ATTACKER);
    assertThat(ClientAddresses.tenant("lt-255")).isEqualTo("198.51.100.1");
  }

  @Test
  void eachTenantsLoadComesFromItsOwnClientsInTheSharedSpaceInTurn() {
    IpRangeSet shared = IpRangeSet.of("100.64.0.0/10");
    Set<String> seen = new HashSet<>();
    for (LoadTenant t : Roster.standard().tenants()) {
      Set<String> own = new HashSet<>();
      for (long sequence = 0; sequence < 2 * ClientAddresses.CLIENTS_PER_TENANT; sequence++) {
        for (RequestKind kind : new RequestKind[] {RequestKind.READ, RequestKind.OVER_LIMIT}) {
          String address = ClientAddresses.of(t, kind, sequence);
          assertThat(shared.contains(IpAddress.parse(address))).as(address).isTrue();
          assertThat(address)
              .isEqualTo(
                  ClientAddresses.client(
                      t.id(), (int) (sequence % ClientAddresses.CLIENTS_PER_TENANT)));
          own.add(address);
        }
      }
      assertThat(own).hasSize(ClientAddresses.CLIENTS_PER_TENANT);
      for (String address : own) {
        assertThat(seen.add(address)).as(t.id() + " shares " + address).isTrue();
      }
    }
    assertThat(ClientAddresses.client("lt-7", 0)).isEqualTo("100.64.0.7");
    assertThat(ClientAddresses.client("lt-300", 7)).isEqualTo("100.71.1.44");
    assertThatThrownBy(() -> ClientAddresses.client("lt-7", ClientAddresses.CLIENTS_PER_TENANT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("client: 8; allowed: 0 to 7");
  }

  @Test
  void onlyRosterTenantsNameAForwardedAddress() {
    HttpRequest rostered =
        ClientAddresses.forwardedFor(HttpRequest.newBuilder(URI.create("http://x/")), "lt-007")
            .build();
    assertThat(rostered.headers().firstValue(ClientAddresses.HEADER)).hasValue("198.18.0.7");
    HttpRequest other =
        ClientAddresses.forwardedFor(HttpRequest.newBuilder(URI.create("http://x/")), "acme")
            .build();
    assertThat(other.headers().firstValue(ClientAddresses.HEADER)).isEmpty();
  }

  @Test
  void theHarnessClientsOfEachTenantHaveAnAddressTheLoadNeverUses() {
    IpRangeSet benchmarking = IpRangeSet.of("198.18.0.0/15");
    Set<String> seen = new HashSet<>();
    for (int n = 1; n <= 508; n++) {
      String address = ClientAddresses.harness("lt-" + n);
      assertThat(benchmarking.contains(IpAddress.parse(address))).as(address).isTrue();
      assertThat(DOCUMENTATION.contains(IpAddress.parse(address))).as(address).isFalse();
      assertThat(IpRangeSet.of("100.64.0.0/10").contains(IpAddress.parse(address)))
          .as(address)
          .isFalse();
      assertThat(seen.add(address)).as("lt-" + n + " shares " + address).isTrue();
    }
    assertThat(ClientAddresses.harness("lt-255")).isEqualTo("198.18.0.255");
    assertThat(ClientAddresses.harness("lt-256")).isEqualTo("198.18.1.0");
    assertThatThrownBy(() -> ClientAddresses.harness("lt-509"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIdOutsideTheRosterSchemeIsRefusedByName() {
    for (String bad : new String[] {"acme", "lt-0", "lt-509", "lt-x"}) {
      assertThatThrownBy(() -> ClientAddresses.tenant(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("tenant id: " + bad + "; allowed: lt- and a number from 1 to 508");
    }
  }
}
