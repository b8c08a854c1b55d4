package dev.tdeveloper.security.pii;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.helpers.MessageFormatter;

/**
 * Masks PII in log messages, for any logging backend: {@link #mask} over a formatted message,
 * {@link #format} for SLF4J-style {@code {}} patterns, and {@link #lazy} for an argument masked
 * only if the line is actually written:
 *
 * <pre>{@code
 * log.info("payment by {} from {}", logMasker.lazy(email), logMasker.lazy(clientIp));
 * log.warn(logMasker.format("refund to {} failed", iban));
 * }</pre>
 *
 * <p>Keyed strategies use the tenant bound in {@link TenantContext}, or the fallback tenant when
 * none is (default {@value #DEFAULT_FALLBACK_TENANT}). A message that exceeds the detector's limits
 * is withheld, never logged unmasked. Immutable and thread-safe.
 */
public final class LogMasker {
  /** The tenant whose keys mask messages logged outside any tenant: {@value}. */
  public static final String DEFAULT_FALLBACK_TENANT = "system";

  private final PiiMasker masker;
  private final Supplier<TenantId> tenant;

  private LogMasker(PiiMasker masker, Supplier<TenantId> tenant) {
    this.masker = masker;
    this.tenant = tenant;
  }

  /** Returns a log masker using the current tenant, or {@value #DEFAULT_FALLBACK_TENANT}. */
  public static LogMasker of(PiiMasker masker) {
    return of(masker, TenantId.of(DEFAULT_FALLBACK_TENANT));
  }

  /** Returns a log masker using the current tenant, or {@code fallback} outside any tenant. */
  public static LogMasker of(PiiMasker masker, TenantId fallback) {
    Objects.requireNonNull(masker, "masker");
    Objects.requireNonNull(fallback, "fallback");
    return new LogMasker(masker, () -> TenantContext.current().orElse(fallback));
  }

  /** Returns {@code message} masked; a message over the detector's limits is withheld. */
  public String mask(String message) {
    Objects.requireNonNull(message, "message");
    try {
      return masker.mask(tenant.get(), message);
    } catch (PiiLimitExceededException e) {
      return "[message of " + message.length() + " characters withheld: " + e.getMessage() + "]";
    }
  }

  /**
   * Formats an SLF4J pattern ({@code {}} placeholders, a trailing throwable ignored as SLF4J does)
   * and masks the result.
   */
  public String format(String pattern, Object... arguments) {
    Objects.requireNonNull(pattern, "pattern");
    return mask(MessageFormatter.arrayFormat(pattern, arguments).getMessage());
  }

  /**
   * Returns an object whose {@code toString} is {@code String.valueOf(value)} masked, computed only
   * when a logger formats it (each time it does).
   */
  public Object lazy(Object value) {
    return new Object() {
      @Override
      public String toString() {
        return mask(String.valueOf(value));
      }
    };
  }
}
