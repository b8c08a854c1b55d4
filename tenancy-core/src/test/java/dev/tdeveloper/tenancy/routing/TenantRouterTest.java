package dev.tdeveloper.tenancy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TenantRouterTest {
  private static final List<TenantId> TENANTS =
      IntStream.range(0, 20_000).mapToObj(i -> TenantId.of("tenant-" + i)).toList();

  static List<ShardId> cells(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> ShardId.of("cell-" + i)).toList();
  }

  static TenantRouter router(RoutingStrategy strategy, int shards) {
    return TenantRouter.builder().strategy(strategy).shards(cells(shards)).build();
  }

  private static Map<TenantId, ShardId> routeAll(TenantRouter router) {
    Map<TenantId, ShardId> routes = new HashMap<>();
    TENANTS.forEach(t -> routes.put(t, router.route(t)));
    return routes;
  }

  @ParameterizedTest
  @EnumSource(RoutingStrategy.class)
  void routesDeterministicallyAcrossRouters(RoutingStrategy strategy) {
    assertThat(routeAll(router(strategy, 10))).isEqualTo(routeAll(router(strategy, 10)));
  }

  @Test
  void routesKnownTenantsToTheSameShardsInEveryRelease() {
    TenantRouter rendezvous = router(RoutingStrategy.RENDEZVOUS, 10);
    TenantRouter jump = router(RoutingStrategy.JUMP, 10);
    List<String> routes = new ArrayList<>();
    for (String tenant : List.of("acme", "globex", "initech", "umbrella", "hooli")) {
      TenantId id = TenantId.of(tenant);
      routes.add(tenant + "=" + rendezvous.route(id) + "/" + jump.route(id));
    }
    assertThat(routes).containsExactly(GOLDEN);
  }

  /** Routes of the first release: a change here re-homes every tenant of every user. */
  private static final String[] GOLDEN = {
    "acme=cell-6/cell-8",
    "globex=cell-4/cell-5",
    "initech=cell-6/cell-9",
    "umbrella=cell-2/cell-1",
    "hooli=cell-6/cell-1"
  };

  @ParameterizedTest
  @EnumSource(RoutingStrategy.class)
  void spreadsTenantsEvenly(RoutingStrategy strategy) {
    Map<ShardId, Long> counts =
        routeAll(router(strategy, 10)).values().stream()
            .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(counts).hasSize(10);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(1_700L, 2_300L));
  }

  @ParameterizedTest
  @EnumSource(RoutingStrategy.class)
  void addingEleventhShardMovesAboutOneEleventhAllToTheNewShard(RoutingStrategy strategy) {
    TenantRouter router = router(strategy, 10);
    Map<TenantId, ShardId> before = routeAll(router);
    ShardId added = ShardId.of("cell-11");
    router.addShard(added);
    Map<TenantId, ShardId> after = routeAll(router);

    List<TenantId> moved =
        TENANTS.stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
    assertThat((double) moved.size() / TENANTS.size()).isBetween(0.07, 0.12);
    assertThat(moved).allSatisfy(t -> assertThat(after.get(t)).isEqualTo(added));
  }

  @Test
  void removingShardUnderRendezvousMovesOnlyItsTenants() {
    TenantRouter router = router(RoutingStrategy.RENDEZVOUS, 10);
    Map<TenantId, ShardId> before = routeAll(router);
    ShardId removed = ShardId.of("cell-4");
    router.removeShard(removed);
    Map<TenantId, ShardId> after = routeAll(router);

    long ownTenants = before.values().stream().filter(removed::equals).count();
    assertThat(ownTenants).isGreaterThan(0);
    for (TenantId tenant : TENANTS) {
      if (before.get(tenant).equals(removed)) {
        assertThat(after.get(tenant)).isNotEqualTo(removed);
      } else {
        assertThat(after.get(tenant)).isEqualTo(before.get(tenant));
      }
    }
  }

  @Test
  void removingLastShardUnderJumpMovesOnlyItsTenants() {
    TenantRouter router = router(RoutingStrategy.JUMP, 10);
    Map<TenantId, ShardId> before = routeAll(router);
    router.removeShard(ShardId.of("cell-10"));
    Map<TenantId, ShardId> after = routeAll(router);
    TENANTS.stream()
        .filter(t -> !before.get(t).equals(ShardId.of("cell-10")))
        .forEach(t -> assertThat(after.get(t)).isEqualTo(before.get(t)));
  }

  @ParameterizedTest
  @EnumSource(RoutingStrategy.class)
  void pinsWinOverHashingUntilUnpinned(RoutingStrategy strategy) {
    TenantRouter router = router(strategy, 10);
    TenantId acme = TenantId.of("acme");
    ShardId hashed = router.route(acme);
    ShardId other = cells(10).stream().filter(s -> !s.equals(hashed)).findFirst().orElseThrow();

    router.pin(acme, other);
    assertThat(router.route(acme)).isEqualTo(other);
    assertThat(router.table().hashRoute(acme)).isEqualTo(hashed);
    router.addShard(ShardId.of("cell-11"));
    assertThat(router.route(acme)).isEqualTo(other);

    assertThat(router.unpin(acme)).contains(other);
    assertThat(router.route(acme)).isEqualTo(router.table().hashRoute(acme));
    assertThat(router.unpin(acme)).isEmpty();
  }

  @Test
  void pinningToUnknownShardIsRejectedAndChangesNothing() {
    List<RouterEvent> events = new CopyOnWriteArrayList<>();
    TenantRouter router = TenantRouter.builder().shards(cells(3)).listener(events::add).build();
    RoutingTable before = router.table();

    assertThatThrownBy(() -> router.pin(TenantId.of("acme"), ShardId.of("cell-9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown shard 'cell-9'")
        .hasMessageContaining("[cell-1, cell-2, cell-3]");
    assertThat(router.table()).isSameAs(before);
    assertThat(events).isEmpty();
  }

  @Test
  void removingShardWithPinnedTenantsNamesThemAndChangesNothing() {
    TenantRouter router = router(RoutingStrategy.RENDEZVOUS, 3);
    router.pin(TenantId.of("zeta"), ShardId.of("cell-2"));
    router.pin(TenantId.of("acme"), ShardId.of("cell-2"));
    router.pin(TenantId.of("other"), ShardId.of("cell-1"));
    RoutingTable before = router.table();

    assertThatThrownBy(() -> router.removeShard(ShardId.of("cell-2")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 tenant(s) are pinned to it: [acme, zeta]");
    assertThat(router.table()).isSameAs(before);
  }

  @Test
  void rejectsUnknownDuplicateAndLastShardChanges() {
    TenantRouter router = router(RoutingStrategy.JUMP, 1);
    assertThatThrownBy(() -> router.addShard(ShardId.of("cell-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already routed to");
    assertThatThrownBy(() -> router.removeShard(ShardId.of("cell-7")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown shard 'cell-7'");
    assertThatThrownBy(() -> router.removeShard(ShardId.of("cell-1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("last shard");
    assertThat(router.shards()).containsExactly(ShardId.of("cell-1"));
    assertThat(router.table().version()).isZero();
  }

  @Test
  void publishesEventsWithVersionsEvenWhenAListenerThrows() {
    List<RouterEvent> events = new CopyOnWriteArrayList<>();
    TenantRouter router =
        TenantRouter.builder()
            .shards(cells(2))
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(events::add)
            .build();
    TenantId acme = TenantId.of("acme");
    router.addShard(ShardId.of("cell-3"));
    router.pin(acme, ShardId.of("cell-3"));
    router.pin(acme, ShardId.of("cell-3"));
    router.pin(acme, ShardId.of("cell-1"));
    router.unpin(acme);
    router.removeShard(ShardId.of("cell-3"));

    assertThat(events)
        .containsExactly(
            new RouterEvent.ShardAdded(ShardId.of("cell-3"), 1),
            new RouterEvent.TenantPinned(acme, ShardId.of("cell-3"), Optional.empty(), 2),
            new RouterEvent.TenantPinned(
                acme, ShardId.of("cell-1"), Optional.of(ShardId.of("cell-3")), 3),
            new RouterEvent.TenantUnpinned(acme, ShardId.of("cell-1"), 4),
            new RouterEvent.ShardRemoved(ShardId.of("cell-3"), 5));
  }

  @Test
  void builderValidatesItsSettings() {
    assertThatThrownBy(() -> TenantRouter.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one shard");
    assertThatThrownBy(
            () ->
                TenantRouter.builder()
                    .strategy(RoutingStrategy.JUMP)
                    .strategy(RoutingStrategy.RENDEZVOUS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already set to JUMP");
    assertThatThrownBy(() -> TenantRouter.builder().shard(ShardId.of("a")).shard(ShardId.of("a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                TenantRouter.builder()
                    .shard(ShardId.of("a"))
                    .pin(TenantId.of("acme"), ShardId.of("b"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant 'acme' is pinned to unknown shard 'b'");
    assertThatThrownBy(() -> router(RoutingStrategy.JUMP, 1).route(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tenant");
    assertThatThrownBy(() -> router(RoutingStrategy.JUMP, 1).pin(TenantId.of("a"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("shard");
  }
}
