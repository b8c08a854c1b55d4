package dev.tdeveloper.tenancy.quota.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.quota.InMemoryQuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.usage.file.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One tenant's counters can never be seen, evicted, exhausted or overwritten by another's: in a
 * store shared by two tenants, each tenant observes exactly what it would in a store of its own,
 * across compactions, reopens and expiry.
 */
class FileQuotaStoreIsolationTest {
  private static final List<TenantId> TENANTS = List.of(TenantId.of("acme"), TenantId.of("globex"));
  private static final List<String> RESOURCES = List.of("notes", "exports", "api-calls");
  private static final long LIMIT = 40;

  enum Kind {
    ADD,
    SUBTRACT,
    COMPACT,
    REOPEN,
    ADVANCE_20_MINUTES
  }

  /** One step: what, by which tenant, on which resource, how much. */
  record Op(Kind kind, int tenant, int resource, long amount) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, Arbitraries.just(Kind.ADD)),
            net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.SUBTRACT)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.COMPACT)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.REOPEN)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.ADVANCE_20_MINUTES)));
    return Combinators.combine(
            kinds,
            Arbitraries.integers().between(0, TENANTS.size() - 1),
            Arbitraries.integers().between(0, RESOURCES.size() - 1),
            Arbitraries.longs().between(1, 25))
        .as(Op::new)
        .list()
        .ofMaxSize(60);
  }

  @Property(tries = 60)
  void eachTenantSeesExactlyWhatItWouldAlone(@ForAll("ops") List<Op> ops) throws IOException {
    ManualClock clock = new ManualClock();
    Instant start = clock.instant();
    Path dir = Files.createTempDirectory("quota-isolation");
    List<InMemoryQuotaStore> alone =
        List.of(new InMemoryQuotaStore(clock), new InMemoryQuotaStore(clock));
    FileQuotaStore shared = open(dir, clock);
    try {
      for (Op op : ops) {
        TenantId tenant = TENANTS.get(op.tenant());
        QuotaKey key = new QuotaKey(tenant, RESOURCES.get(op.resource()), start);
        // "api-calls" has an hourly window; the others last the month.
        Instant expiresAt =
            start.plus(op.resource() == 2 ? Duration.ofHours(1) : Duration.ofDays(31));
        InMemoryQuotaStore own = alone.get(op.tenant());
        switch (op.kind()) {
          case ADD -> {
            QuotaAddResult expected = own.tryAdd(key, op.amount(), LIMIT, expiresAt);
            assertThat(shared.tryAdd(key, op.amount(), LIMIT, expiresAt)).isEqualTo(expected);
          }
          case SUBTRACT ->
              assertThat(shared.subtract(key, op.amount()))
                  .isEqualTo(own.subtract(key, op.amount()));
          case COMPACT -> shared.compact();
          case REOPEN -> {
            shared.close();
            shared = open(dir, clock);
          }
          case ADVANCE_20_MINUTES -> clock.advance(Duration.ofMinutes(20));
        }
        for (int t = 0; t < TENANTS.size(); t++) {
          for (String resource : RESOURCES) {
            QuotaKey any = new QuotaKey(TENANTS.get(t), resource, start);
            assertThat(shared.used(any))
                .as("%s after %s", any, op)
                .isEqualTo(alone.get(t).used(any));
          }
        }
      }
    } finally {
      shared.close();
      deleteRecursively(dir);
    }
  }

  private static FileQuotaStore open(Path dir, ManualClock clock) {
    // Closing forces the log, which is all a reopen in this process needs.
    return FileQuotaStore.builder(dir).clock(clock).fsyncPolicy(FsyncPolicy.NEVER).open();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
