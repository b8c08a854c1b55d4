package dev.tdeveloper.observability.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantTracingTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final OtelFixture otel = new OtelFixture();
  private final Tracer tracer = otel.sdk.getTracer("test");

  @AfterEach
  void close() {
    otel.close();
  }

  @Test
  void openBindsTenantContextBaggageAndCurrentSpanAttribute() {
    Span span = tracer.spanBuilder("work").startSpan();
    try (Scope ignored = span.makeCurrent();
        TenantTracing.Scope scope = TenantTracing.open(ACME)) {
      assertThat(scope.tenant()).isEqualTo(ACME);
      assertThat(TenantContext.current()).contains(ACME);
      assertThat(Baggage.current().getEntryValue(TenantTracing.BAGGAGE_KEY)).isEqualTo("acme");
      assertThat(TenantTracing.baggageTenant()).contains(ACME);
    } finally {
      span.end();
    }
    SpanData data = otel.spans().get(0);
    assertThat(data.getAttributes().get(TenantTracing.ATTRIBUTE)).isEqualTo("acme");
  }

  @Test
  void closingRestoresTheOuterTenantAndBaggage() {
    try (Scope baggage =
            Baggage.builder()
                .put("plan", "gold")
                .build()
                .storeInContext(Context.current())
                .makeCurrent();
        TenantTracing.Scope outer = TenantTracing.open(ACME)) {
      try (TenantTracing.Scope inner = TenantTracing.open(GLOBEX)) {
        assertThat(TenantContext.current()).contains(GLOBEX);
        assertThat(TenantTracing.baggageTenant()).contains(GLOBEX);
        assertThat(Baggage.current().getEntryValue("plan")).isEqualTo("gold");
      }
      assertThat(TenantContext.current()).contains(ACME);
      assertThat(TenantTracing.baggageTenant()).contains(ACME);
    }
    assertThat(TenantContext.current()).isEmpty();
    assertThat(Baggage.current().isEmpty()).isTrue();
  }

  @Test
  void closingTwiceDoesNothing() {
    TenantTracing.Scope outer = TenantTracing.open(ACME);
    TenantTracing.Scope inner = TenantTracing.open(GLOBEX);
    inner.close();
    inner.close();
    assertThat(TenantContext.current()).contains(ACME);
    assertThat(TenantTracing.baggageTenant()).contains(ACME);
    outer.close();
    assertThat(TenantContext.current()).isEmpty();
    assertThat(TenantTracing.baggageTenant()).isEmpty();
  }

  @Test
  void closingOnAnotherThreadIsRefusedAndChangesNothing() throws Exception {
    try (TenantTracing.Scope scope = TenantTracing.open(ACME)) {
      Throwable thrown =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      scope.close();
                      return null;
                    } catch (IllegalStateException e) {
                      return e;
                    }
                  })
              .get(30, TimeUnit.SECONDS);
      assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("acme");
      assertThat(TenantContext.current()).contains(ACME);
      assertThat(TenantTracing.baggageTenant()).contains(ACME);
    }
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void runAndCallUnbindAfterwardsEvenWhenTheTaskThrows() throws Exception {
    assertThat(TenantTracing.call(ACME, () -> TenantTracing.baggageTenant().orElseThrow()))
        .isEqualTo(ACME);
    assertThatThrownBy(
            () ->
                TenantTracing.run(
                    ACME,
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(TenantContext.current()).isEmpty();
    assertThat(Baggage.current().isEmpty()).isTrue();
  }

  @Test
  void tagAddsTheBoundTenantToSpansTheApplicationStarts() {
    TenantTracing.run(
        ACME, () -> TenantTracing.tag(tracer.spanBuilder("tagged")).startSpan().end());
    TenantTracing.tag(tracer.spanBuilder("untagged")).startSpan().end();
    Map<String, String> tenantBySpan = new HashMap<>();
    otel.spans()
        .forEach(
            s ->
                tenantBySpan.put(
                    s.getName(), String.valueOf(s.getAttributes().get(TenantTracing.ATTRIBUTE))));
    assertThat(tenantBySpan).containsEntry("tagged", "acme").containsEntry("untagged", "null");
  }

  @Test
  void baggageTenantIgnoresValuesThatAreNotTenantIds() {
    try (Scope ignored =
        Baggage.builder()
            .put(TenantTracing.BAGGAGE_KEY, "Not A Tenant!")
            .build()
            .storeInContext(Context.current())
            .makeCurrent()) {
      assertThat(TenantTracing.baggageTenant()).isEmpty();
    }
  }

  @Test
  void withoutTenantKeepsOtherBaggageEntries() {
    Context context =
        Baggage.builder()
            .put(TenantTracing.BAGGAGE_KEY, "acme")
            .put("plan", "gold")
            .build()
            .storeInContext(Context.root());
    Baggage left = Baggage.fromContext(TenantTracing.withoutTenant(context));
    assertThat(left.asMap()).containsOnlyKeys("plan");
    assertThat(TenantTracing.withoutTenant(Context.root())).isSameAs(Context.root());
  }

  @Test
  void nullArgumentsAreRejectedByName() {
    assertThatThrownBy(() -> TenantTracing.open(null)).hasMessage("tenant");
    assertThatThrownBy(() -> TenantTracing.run(ACME, null)).hasMessage("task");
    assertThatThrownBy(() -> TenantTracing.withTenant(null, ACME)).hasMessage("context");
    assertThatThrownBy(() -> TenantTracing.tag(null)).hasMessage("builder");
    assertThat(TenantContext.current()).isEmpty();
  }
}
