package dev.tdeveloper.tenancy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class RoutingPropertyTest {
  @Provide
  Arbitrary<TenantId> tenants() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .ofMinLength(1)
        .ofMaxLength(20)
        .map(TenantId::of);
  }

  @Provide
  Arbitrary<ShardId> shards() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('-', '.')
        .ofMinLength(1)
        .ofMaxLength(10)
        .map(s -> ShardId.of("s" + s));
  }

  /**
   * Two routers that reach the same shards and pins by different histories (built at once, or grown
   * shard by shard with pins, extra shards and extra pins added and taken back) route every tenant
   * exactly as a freshly built table does. Under rendezvous the shard order is irrelevant.
   */
  @Property(tries = 200)
  void routingIsAPureFunctionOfTenantShardsAndPins(
      @ForAll RoutingStrategy strategy,
      @ForAll @Size(min = 1, max = 12) @UniqueElements List<@From("shards") ShardId> shards,
      @ForAll @Size(max = 40) List<@From("tenants") TenantId> tenants,
      @ForAll @IntRange(min = 0, max = 10) int pinCount,
      @ForAll long seed) {
    Random random = new Random(seed);
    Map<TenantId, ShardId> pins = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(pinCount, tenants.size()); i++) {
      pins.put(tenants.get(i), shards.get(random.nextInt(shards.size())));
    }
    RoutingTable reference = RoutingTable.of(strategy, shards, pins);

    TenantRouter built = TenantRouter.builder().strategy(strategy).shards(shards).build();
    pins.forEach(built::pin);

    TenantRouter grown = TenantRouter.builder().strategy(strategy).shard(shards.get(0)).build();
    TenantId noise = TenantId.of("noise-tenant");
    ShardId extra = ShardId.of("zz-extra"); // generated shards start with 's', so never this one
    for (ShardId shard : shards.subList(1, shards.size())) {
      grown.addShard(shard);
      grown.pin(noise, shard);
    }
    grown.addShard(extra);
    grown.pin(noise, extra);
    pins.forEach(grown::pin);
    grown.unpin(noise);
    grown.removeShard(extra);

    List<ShardId> shuffled = new ArrayList<>(shards);
    Collections.shuffle(shuffled, random);
    RoutingTable reordered = RoutingTable.of(strategy, shuffled, pins);

    for (TenantId tenant : tenants) {
      ShardId expected = reference.route(tenant);
      assertThat(shards).contains(expected);
      assertThat(built.route(tenant)).isEqualTo(expected);
      assertThat(grown.route(tenant)).isEqualTo(expected);
      if (strategy == RoutingStrategy.RENDEZVOUS) {
        assertThat(reordered.route(tenant)).isEqualTo(expected);
      }
      if (pins.containsKey(tenant)) {
        assertThat(expected).isEqualTo(pins.get(tenant));
      }
    }
  }
}
