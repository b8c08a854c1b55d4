package dev.tdeveloper.observability.otel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The cached baggage of a tenant answers exactly what building it on the spot answers. */
class TenantBaggagePropertyTest {
  @Property
  void withTenantEqualsThePlainPath(
      @ForAll("tenants") String tenant, @ForAll("entries") Map<String, String> incoming) {
    Baggage before = Baggage.empty();
    for (Map.Entry<String, String> e : incoming.entrySet()) {
      before = before.toBuilder().put(e.getKey(), e.getValue()).build();
    }
    Context context = before.storeInContext(Context.root());

    Baggage fast = Baggage.fromContext(TenantTracing.withTenant(context, TenantId.of(tenant)));
    Baggage plain = TenantTracing.tagged(before, tenant);

    assertThat(fast).isEqualTo(plain);
    assertThat(fast.asMap()).isEqualTo(plain.asMap());
    assertThat(fast.getEntryValue(TenantTracing.BAGGAGE_KEY)).isEqualTo(tenant);
    // asked twice (the second time from the cache when the incoming baggage was empty): the same
    Baggage again = Baggage.fromContext(TenantTracing.withTenant(context, TenantId.of(tenant)));
    assertThat(again.asMap()).isEqualTo(plain.asMap());
  }

  @Provide
  Arbitrary<String> tenants() {
    return Arbitraries.of("acme", "globex", "initech", "lt-0", "lt-42", "umbrella-corp", "a1");
  }

  @Provide
  Arbitrary<Map<String, String>> entries() {
    Arbitrary<String> keys =
        Arbitraries.of(TenantTracing.BAGGAGE_KEY, "user.id", "region", "session", "z");
    Arbitrary<String> values =
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8);
    return Arbitraries.maps(keys, values).ofMaxSize(3);
  }
}
