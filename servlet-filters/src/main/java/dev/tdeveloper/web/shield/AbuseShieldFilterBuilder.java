package dev.tdeveloper.web.shield;

import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.security.shield.ClientIpResolver;
import dev.tdeveloper.security.shield.IpRangeSet;
import dev.tdeveloper.web.problem.ProblemWriter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configures an {@link AbuseShieldFilter}. The shield is required; each setting may be set once (a
 * repeat is an {@link IllegalStateException}). Not thread-safe; the built filter is immutable.
 */
public final class AbuseShieldFilterBuilder {
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

  AbuseShield shield;
  ClientIpResolver resolver;
  String apiKeyHeader;
  ProblemWriter problemWriter;

  AbuseShieldFilterBuilder() {}

  /** Sets the shield deciding each request (required). */
  public AbuseShieldFilterBuilder shield(AbuseShield shield) {
    Objects.requireNonNull(shield, "shield");
    if (this.shield != null) {
      throw new IllegalStateException("shield was already set");
    }
    this.shield = shield;
    return this;
  }

  /**
   * Sets how the client address is found behind proxies. Defaults to trusting no proxy: the TCP
   * peer is the client and forwarding headers are ignored, which is right for a service exposed
   * directly and safe (if imprecise) behind a proxy until you name it.
   */
  public AbuseShieldFilterBuilder clientIpResolver(ClientIpResolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    if (this.resolver != null) {
      throw new IllegalStateException("clientIpResolver was already set");
    }
    this.resolver = resolver;
    return this;
  }

  /**
   * Counts and bans requests also by the API key in header {@code name} (for example {@code
   * X-Api-Key}). The shield sees only its {@link
   * dev.tdeveloper.security.shield.ShieldRequest#fingerprint fingerprint}, never the secret.
   * Defaults to none.
   *
   * @throws IllegalArgumentException if {@code name} is not an HTTP token of 1 to 64 characters
   */
  public AbuseShieldFilterBuilder apiKeyHeader(String name) {
    Objects.requireNonNull(name, "name");
    if (!TOKEN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "apiKeyHeader must be an HTTP header name (a token of 1 to 64 characters), was '"
              + name.substring(0, Math.min(80, name.length()))
              + "'");
    }
    if (this.apiKeyHeader != null) {
      throw new IllegalStateException("apiKeyHeader was already set to " + this.apiKeyHeader);
    }
    this.apiKeyHeader = name;
    return this;
  }

  /** Sets how problem responses are written; defaults to {@link ProblemWriter#create()}. */
  public AbuseShieldFilterBuilder problemWriter(ProblemWriter problemWriter) {
    Objects.requireNonNull(problemWriter, "problemWriter");
    if (this.problemWriter != null) {
      throw new IllegalStateException("problemWriter was already set");
    }
    this.problemWriter = problemWriter;
    return this;
  }

  /**
   * Builds the filter.
   *
   * @throws IllegalStateException if no shield was set
   */
  public AbuseShieldFilter build() {
    if (shield == null) {
      throw new IllegalStateException("shield is required: call shield(...) before build()");
    }
    if (resolver == null) {
      resolver = ClientIpResolver.xForwardedFor(IpRangeSet.empty());
    }
    if (problemWriter == null) {
      problemWriter = ProblemWriter.create();
    }
    return new AbuseShieldFilter(this);
  }
}
