package dev.tdeveloper.web.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.web.testing.MapTenantRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** How the filter binds and unbinds the tenant, run on the test thread for determinism. */
class TenantFilterBindingTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final AtomicInteger resolutions = new AtomicInteger();
  private final TenantFilter filter =
      TenantFilter.builder()
          .resolver(
              request -> {
                resolutions.incrementAndGet();
                return request.header("x-tenant-id").map(TenantId::of);
              })
          .registry(
              MapTenantRegistry.of(
                  Tenant.builder(ACME).status(TenantStatus.ACTIVE).build(),
                  Tenant.builder(GLOBEX).status(TenantStatus.ACTIVE).build()))
          .build();

  @AfterEach
  void nothingLeftBound() {
    assertThat(TenantContext.current()).isEmpty();
    assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
  }

  private static HttpServletRequest acmeRequest() {
    return FakeHttp.request("localhost", "/orders", Map.of("x-tenant-id", "acme"));
  }

  @Test
  void bindsOnlyForTheChain() throws Exception {
    List<String> seen = new ArrayList<>();

    filter.doFilter(
        acmeRequest(),
        FakeHttp.response(),
        (request, response) -> {
          seen.add(TenantContext.require().value());
          seen.add(MDC.get(TenantContext.MDC_KEY));
        });

    assertThat(seen).containsExactly("acme", "acme");
  }

  @Test
  void unbindsWhenTheChainThrows() {
    assertThatThrownBy(
            () ->
                filter.doFilter(
                    acmeRequest(),
                    FakeHttp.response(),
                    (request, response) -> {
                      throw new IOException(
                          "client went away while serving " + TenantContext.require());
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("client went away while serving acme");
  }

  @Test
  void unbindsEvenWhenTheApplicationLeaksAnInnerScope() throws Exception {
    filter.doFilter(
        acmeRequest(),
        FakeHttp.response(),
        (request, response) -> TenantContext.open(GLOBEX)); // never closed
  }

  @Test
  void restoresAnOuterBinding() throws Exception {
    List<TenantId> seen = new ArrayList<>();
    try (TenantContext.Scope outer = TenantContext.open(GLOBEX)) {
      filter.doFilter(
          acmeRequest(),
          FakeHttp.response(),
          (request, response) -> seen.add(TenantContext.require()));
      seen.add(TenantContext.require());
    }

    assertThat(seen).containsExactly(ACME, GLOBEX);
  }

  @Test
  void rebindsAnAdmittedRequestOnALaterDispatchWithoutResolvingAgain() throws Exception {
    HttpServletRequest request = acmeRequest();
    filter.doFilter(request, FakeHttp.response(), (req, res) -> {});
    List<TenantId> seen = new ArrayList<>();

    filter.doFilter(request, FakeHttp.response(), (req, res) -> seen.add(TenantContext.require()));

    assertThat(seen).containsExactly(ACME);
    assertThat(resolutions).hasValue(1);
    assertThat(request.getAttribute(TenantFilter.TENANT_ATTRIBUTE))
        .isInstanceOfSatisfying(Tenant.class, t -> assertThat(t.id()).isEqualTo(ACME));
  }

  @Test
  void refusesNonHttpRequests() {
    ServletRequest plain = new ServletRequestWrapper(acmeRequest());

    assertThatThrownBy(() -> filter.doFilter(plain, FakeHttp.response(), (req, res) -> {}))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("HTTP requests only");
    assertThat(resolutions).hasValue(0);
  }
}
