package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A test pseudonymizer: per tenant and value, {@code ps-N}, scoped so tenants never share one. */
final class MapPseudonymizer implements Pseudonymizer {
  final Map<String, String> map = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();

  private static String key(Optional<TenantId> tenant, String value) {
    return tenant.map(TenantId::value).orElse("") + "/" + value;
  }

  @Override
  public String pseudonymize(Optional<TenantId> tenant, String value) {
    return map.computeIfAbsent(key(tenant, value), k -> "ps-" + counter.incrementAndGet());
  }

  @Override
  public Optional<String> lookup(Optional<TenantId> tenant, String value) {
    return Optional.ofNullable(map.get(key(tenant, value)));
  }
}
