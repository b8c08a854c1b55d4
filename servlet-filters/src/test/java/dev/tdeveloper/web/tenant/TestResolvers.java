package dev.tdeveloper.web.tenant;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.resolve.TenantMismatchException;
import dev.tdeveloper.tenancy.resolve.TenantResolutionException;
import dev.tdeveloper.tenancy.resolve.TenantResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda resolvers for the filter tests, independent of the real resolvers in tenancy-core. The
 * header resolver is deliberately careless: its error message repeats the raw header value, so the
 * tests can prove the filter escapes and truncates what it echoes.
 */
final class TestResolvers {
  static final String HEADER = "X-Tenant-Id";
  static final String DOMAIN = ".example.test";

  private TestResolvers() {}

  static TenantResolver header() {
    return request ->
        request
            .header(HEADER)
            .map(
                value -> {
                  if (!TenantId.isValid(value)) {
                    throw new TenantResolutionException("header " + HEADER + " is bad: " + value);
                  }
                  return TenantId.of(value);
                });
  }

  static TenantResolver subdomain() {
    return request -> {
      String host = request.host();
      if (!host.endsWith(DOMAIN)) {
        return Optional.empty();
      }
      String label = host.substring(0, host.length() - DOMAIN.length());
      if (!TenantId.isValid(label)) {
        throw new TenantResolutionException("subdomain is not a tenant id: " + label);
      }
      return Optional.of(TenantId.of(label));
    };
  }

  /** Returns the tenant every source that names one agrees on; throws if they disagree. */
  static TenantResolver agreeing(Map<String, TenantResolver> sources) {
    Map<String, TenantResolver> ordered = new LinkedHashMap<>(sources);
    return request -> {
      Map<String, TenantId> named = new LinkedHashMap<>();
      ordered.forEach(
          (name, resolver) -> resolver.resolve(request).ifPresent(id -> named.put(name, id)));
      if (named.values().stream().distinct().count() > 1) {
        throw new TenantMismatchException(named);
      }
      return named.values().stream().findFirst();
    };
  }
}
