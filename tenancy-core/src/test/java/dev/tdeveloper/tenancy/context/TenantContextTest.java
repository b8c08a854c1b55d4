package dev.tdeveloper.tenancy.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testsupport.SimpleLoggingWithMdcProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TenantContextTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @BeforeAll
  static void mdcIsRealInTests() {
    MDC.put("probe", "x");
    assertThat(MDC.get("probe"))
        .as(
            "tests need a working MDC: run with -Dslf4j.provider=%s",
            SimpleLoggingWithMdcProvider.class.getName())
        .isEqualTo("x");
    MDC.remove("probe");
  }

  @AfterEach
  void nothingLeaksOutOfATest() {
    assertThat(TenantContext.current()).isEmpty();
    assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
  }

  @Test
  void hasNoTenantOutsideAScope() {
    assertThat(TenantContext.current()).isEmpty();
    assertThatThrownBy(TenantContext::require)
        .isInstanceOf(NoTenantBoundException.class)
        .hasMessageContaining(Thread.currentThread().getName());
  }

  @Test
  void bindsForTheScopeAndMirrorsTheBindingInTheMdc() {
    TenantContext.run(
        ACME,
        () -> {
          assertThat(TenantContext.current()).contains(ACME);
          assertThat(TenantContext.require()).isEqualTo(ACME);
          assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo("acme");
        });
  }

  @Test
  void nestedScopesRestoreTheOuterOne() throws Exception {
    TenantContext.run(
        ACME,
        () -> {
          TenantContext.run(GLOBEX, () -> assertBound(GLOBEX));
          assertBound(ACME);
          assertThat(TenantContext.get(GLOBEX, TenantContext::require)).isEqualTo(GLOBEX);
          assertBound(ACME);
          try (TenantContext.Scope scope = TenantContext.open(GLOBEX)) {
            assertThat(scope.tenant()).isEqualTo(GLOBEX);
            assertBound(GLOBEX);
          }
          assertBound(ACME);
        });
    assertThat(TenantContext.call(ACME, () -> TenantContext.call(GLOBEX, TenantContext::require)))
        .isEqualTo(GLOBEX);
  }

  @Test
  void restoresTheOuterScopeWhenTheTaskThrows() {
    TenantContext.run(
        ACME,
        () -> {
          assertThatThrownBy(
                  () ->
                      TenantContext.run(
                          GLOBEX,
                          () -> {
                            throw new IllegalStateException("boom");
                          }))
              .hasMessage("boom");
          assertBound(ACME);
        });
  }

  @Test
  void mdcFollowsTheBindingEvenAfterSomethingClearedIt() {
    TenantContext.run(
        ACME,
        () -> {
          MDC.clear(); // as some request filters do
          TenantContext.run(ACME, () -> assertBound(ACME));
          assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo("acme");
        });
  }

  @Test
  void closingAScopeOutOfOrderFailsAndChangesNothing() {
    TenantContext.Scope outer = TenantContext.open(ACME);
    TenantContext.Scope inner = TenantContext.open(GLOBEX);

    assertThatThrownBy(outer::close)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inner scope or binding is still open");
    assertBound(GLOBEX);
    inner.close();
    assertBound(ACME);
    outer.close();
  }

  @Test
  void closingOutOfOrderIsDetectedEvenForTheSameTenant() {
    TenantContext.Scope outer = TenantContext.open(ACME);
    TenantContext.Scope inner = TenantContext.open(ACME);

    assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class);
    assertBound(ACME);
    inner.close();
    assertBound(ACME);
    outer.close();
  }

  @Test
  void closingAScopeInsideANestedRunFails() {
    TenantContext.Scope scope = TenantContext.open(ACME);

    TenantContext.run(
        ACME, () -> assertThatThrownBy(scope::close).isInstanceOf(IllegalStateException.class));
    TenantContext.run(
        GLOBEX, () -> assertThatThrownBy(scope::close).isInstanceOf(IllegalStateException.class));
    assertBound(ACME);
    scope.close();
  }

  @Test
  void closingAScopeOnAnotherThreadFails() throws Exception {
    TenantContext.Scope scope = TenantContext.open(ACME);
    AtomicReference<Throwable> failure = new AtomicReference<>();

    CompletableFuture.runAsync(
            () -> {
              try {
                scope.close();
              } catch (IllegalStateException e) {
                failure.set(e);
              }
            })
        .get(5, TimeUnit.SECONDS);

    assertThat(failure.get()).hasMessageContaining("must be closed on thread");
    assertBound(ACME);
    scope.close();
    scope.close(); // a second close does nothing
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> TenantContext.run(null, () -> {})).hasMessage("tenant");
    assertThatThrownBy(() -> TenantContext.run(ACME, null)).hasMessage("task");
    assertThatThrownBy(() -> TenantContext.open(null)).hasMessage("tenant");
    assertThatThrownBy(() -> TenantContext.wrap((Runnable) null)).hasMessage("task");
  }

  private static void assertBound(TenantId tenant) {
    assertThat(TenantContext.current()).contains(tenant);
    assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo(tenant.value());
  }
}
