package dev.tdeveloper.web.audit;

import dev.tdeveloper.compliance.audit.AuditLogger;
import dev.tdeveloper.tenancy.access.Principal;
import dev.tdeveloper.tenancy.time.Ticker;
import dev.tdeveloper.web.operator.OperatorFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configures an {@link AuditFilter}. The logger is required; each setting may be given once (a
 * repeat is an {@link IllegalStateException}). Not thread-safe; the built filter is immutable.
 */
public final class AuditFilterBuilder {
  AuditLogger logger;
  Function<HttpServletRequest, Optional<String>> actor;
  InstantSource clock;
  Ticker ticker;

  AuditFilterBuilder() {}

  /** Sets the logger every request's event goes to (required). */
  public AuditFilterBuilder logger(AuditLogger logger) {
    Objects.requireNonNull(logger, "logger");
    once("logger", this.logger);
    this.logger = logger;
    return this;
  }

  /**
   * Sets how the actor of a request is found, read after the chain returned so that filters and
   * servlets inside it may have authenticated the caller; empty means {@value
   * AuditFilter#ANONYMOUS}. The default takes the id of the operator {@link Principal} that {@link
   * OperatorFilter} stored in {@link OperatorFilter#PRINCIPAL_ATTRIBUTE}. Texts longer than 256
   * characters are cut and control characters escaped.
   */
  public AuditFilterBuilder actor(Function<HttpServletRequest, Optional<String>> actor) {
    Objects.requireNonNull(actor, "actor");
    once("actor", this.actor);
    this.actor = actor;
    return this;
  }

  /** Sets the wall clock stamping events (default: the system clock). */
  public AuditFilterBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    once("clock", this.clock);
    this.clock = clock;
    return this;
  }

  /** Sets the monotonic time that spaces out the refusal warnings (default: the system's). */
  public AuditFilterBuilder ticker(Ticker ticker) {
    Objects.requireNonNull(ticker, "ticker");
    once("ticker", this.ticker);
    this.ticker = ticker;
    return this;
  }

  /**
   * Builds the filter.
   *
   * @throws IllegalStateException if no logger was set
   */
  public AuditFilter build() {
    if (logger == null) {
      throw new IllegalStateException("logger is required: call logger(...) before build()");
    }
    return new AuditFilter(this);
  }

  static Optional<String> operatorPrincipal(HttpServletRequest request) {
    return request.getAttribute(OperatorFilter.PRINCIPAL_ATTRIBUTE) instanceof Principal p
        ? Optional.of(p.id())
        : Optional.empty();
  }

  private static void once(String name, Object current) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
