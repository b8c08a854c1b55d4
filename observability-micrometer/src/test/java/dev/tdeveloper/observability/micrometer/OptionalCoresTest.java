package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An application with none of the optional cores uses the tenancy meters freely. */
class OptionalCoresTest {
  @Test
  void tenancyListenersWorkWithoutTheOptionalCoresOnTheClassPath() throws Exception {
    Set<URL> urls = new LinkedHashSet<>();
    for (Class<?> c :
        new Class<?>[] {
          TdeveloperMetrics.class,
          TenantCardinalityGuard.class,
          TenantId.class,
          MeterRegistry.class,
          io.micrometer.common.KeyValue.class,
          io.micrometer.observation.Observation.class,
          org.HdrHistogram.Histogram.class,
          org.slf4j.Logger.class
        }) {
      urls.add(c.getProtectionDomain().getCodeSource().getLocation());
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("dev.tdeveloper.security.ratelimit.RateLimitEvent"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> registryType = loader.loadClass("io.micrometer.core.instrument.MeterRegistry");
      Object registry =
          loader
              .loadClass("io.micrometer.core.instrument.simple.SimpleMeterRegistry")
              .getConstructor()
              .newInstance();
      Class<?> bridgeType = loader.loadClass(TdeveloperMetrics.class.getName());
      Object builder = bridgeType.getMethod("builder", registryType).invoke(null, registry);
      Object bridge = builder.getClass().getMethod("build").invoke(builder);
      Object listener = bridgeType.getMethod("tenantCacheListener").invoke(bridge);
      Object tenant =
          loader
              .loadClass(TenantId.class.getName())
              .getMethod("of", String.class)
              .invoke(null, "acme");
      Object created =
          loader
              .loadClass("dev.tdeveloper.tenancy.cache.TenantCacheEvent$Created")
              .getConstructor(tenant.getClass())
              .newInstance(tenant);
      loader
          .loadClass("dev.tdeveloper.tenancy.event.EventListener")
          .getMethod("onEvent", Object.class)
          .invoke(listener, created);
      Object meters = registryType.getMethod("getMeters").invoke(registry);
      assertThat((java.util.List<?>) meters).hasSize(1);
      Object id =
          loader
              .loadClass("io.micrometer.core.instrument.Meter")
              .getMethod("getId")
              .invoke(((java.util.List<?>) meters).get(0));
      assertThat(id.toString()).contains("tdeveloper.tenant.cache.created").contains("acme");

      assertThatThrownBy(() -> bridgeType.getMethod("rateLimitListener").invoke(bridge))
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .isInstanceOf(NoClassDefFoundError.class)
          .hasMessageContaining("security");
    }
  }
}
