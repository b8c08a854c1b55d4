package dev.tdeveloper.benchmarks.load;

import java.net.http.HttpRequest;

/**
 * The client addresses the load's requests claim in {@code X-Forwarded-For}, as a load balancer in
 * front of the demo would forward them (the harness starts the demo trusting {@code 127.0.0.1} as
 * its proxy): each tenant's ordinary traffic from {@value #CLIENTS_PER_TENANT} clients of its own
 * ({@link #client}, in RFC 6598's shared space {@code 100.64.0.0/10}, as a tenant's users reach a
 * service from many addresses), the flooding tenant's flood from one address of its own, and every
 * attack from one attacker's address; a tenant's sign-up ({@link #tenant}) comes from its address
 * in the documentation ranges of RFC 5737. Spread over its clients, even the busiest tenant stays
 * under the shield's per-IP ban threshold at rates where one address per tenant passed it (an
 * enterprise tenant sends about 3.6% of the load: 145/s at 4,000 requests/s, 18/s per client),
 * while the flood (10% of the load) still comes from one address and is banned. The harness's own
 * clients of a tenant (the isolation checker, the fault phase's writers: {@link #forwardedFor})
 * come from a second address of the tenant in {@code 198.18.0.0/15} (RFC 2544's benchmarking
 * range), which the generated load never uses. So the shield's per-IP limit and bans see clients,
 * as in a deployment: the flood is banned without taking its tenant's other clients down with it,
 * and a ban that a heavy tenant's own traffic earns at a high rate never stops the checks.
 * Stateless; thread-safe.
 */
final class ClientAddresses {
  /** The header the demo's shield reads behind its trusted proxies. */
  static final String HEADER = "X-Forwarded-For";

  /** The address of every attack request. */
  static final String ATTACKER = "203.0.113.66";

  /** The address of the flooding tenant's flood. */
  static final String FLOODER = "203.0.113.99";

  /** How many client addresses each tenant's generated traffic is spread over. */
  static final int CLIENTS_PER_TENANT = 8;

  private static final String PREFIX = "lt-";
  private static final int PER_BLOCK = 254;

  private ClientAddresses() {}

  /**
   * The address of tenant {@code id} ({@code lt-NNN}, as {@link Roster} names them): tenants 1 to
   * 254 in {@code 192.0.2.0/24}, 255 to 508 in {@code 198.51.100.0/24}.
   *
   * @throws IllegalArgumentException if {@code id} is not {@code lt-} and a number from 1 to 508
   */
  static String tenant(String id) {
    int n = number(id);
    if (n < 0) {
      throw new IllegalArgumentException(
          "tenant id: " + id + "; allowed: lt- and a number from 1 to " + 2 * PER_BLOCK);
    }
    return n <= PER_BLOCK ? "192.0.2." + n : "198.51.100." + (n - PER_BLOCK);
  }

  /**
   * The address of client {@code c} ({@code 0} to {@value #CLIENTS_PER_TENANT} - 1) of tenant
   * {@code id}: {@code 100.(64 + c).(N / 256).(N % 256)} for tenant N, in {@code 100.64.0.0/10}.
   *
   * @throws IllegalArgumentException if {@code id} is not {@code lt-} and a number from 1 to 508,
   *     or {@code c} is out of range
   */
  static String client(String id, int c) {
    tenant(id); // validates
    if (c < 0 || c >= CLIENTS_PER_TENANT) {
      throw new IllegalArgumentException(
          "client: " + c + "; allowed: 0 to " + (CLIENTS_PER_TENANT - 1));
    }
    int n = number(id);
    return "100." + (64 + c) + "." + n / 256 + "." + n % 256;
  }

  /**
   * The address of the harness's own clients of tenant {@code id}: {@code 198.18.0.N} for tenant N
   * up to 255, {@code 198.18.1.(N - 256)} from 256 on.
   *
   * @throws IllegalArgumentException if {@code id} is not {@code lt-} and a number from 1 to 508
   */
  static String harness(String id) {
    tenant(id); // validates
    int n = number(id);
    return "198.18." + n / 256 + "." + n % 256;
  }

  /**
   * Adds the {@link #harness} address of {@code tenant} to {@code request} when {@code tenant} is
   * one of the roster's ({@code lt-NNN}); requests for other tenants (a test's {@code acme}) keep
   * the peer's address.
   */
  static HttpRequest.Builder forwardedFor(HttpRequest.Builder request, String tenant) {
    return rostered(tenant) ? request.header(HEADER, harness(tenant)) : request;
  }

  /** Whether {@code id} follows the roster's naming, {@code lt-} and a number from 1 to 508. */
  static boolean rostered(String id) {
    return number(id) > 0;
  }

  private static int number(String id) {
    if (!id.startsWith(PREFIX)) {
      return -1;
    }
    try {
      int n = Integer.parseInt(id.substring(PREFIX.length()));
      return n >= 1 && n <= 2 * PER_BLOCK ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The address the generated request number {@code sequence} (from 0), of {@code kind} by {@code
   * tenant}, comes from: the tenant's clients in turn by sequence, the flooder's or the attacker's.
   */
  static String of(LoadTenant tenant, RequestKind kind, long sequence) {
    return switch (kind) {
      case ATTACK -> ATTACKER;
      case FLOOD -> FLOODER;
      default -> client(tenant.id(), (int) Math.floorMod(sequence, (long) CLIENTS_PER_TENANT));
    };
  }
}
