package dev.tdeveloper.web.operator;

import dev.tdeveloper.tenancy.access.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates operators by static bearer tokens ({@code Authorization: Bearer <token>}), each
 * mapped to a principal with platform roles. Only SHA-256 digests of the tokens are kept, and the
 * token never appears in messages or {@link #toString()}. A request that sends the header more than
 * once, or anything but one well-formed bearer credential, authenticates no one.
 *
 * <p>Suits a handful of operator and automation tokens issued out of band (printed at start-up,
 * taken from a secret store); use an identity provider and your own {@link OperatorAuthenticator}
 * for people. Immutable and thread-safe.
 */
public final class BearerTokenAuthenticator implements OperatorAuthenticator {
  /** The fewest characters a token may have: {@value}. */
  public static final int MIN_TOKEN_LENGTH = 16;

  /** The most characters a token may have: {@value}. */
  public static final int MAX_TOKEN_LENGTH = 512;

  private static final String SCHEME = "Bearer ";

  private final Map<String, Principal> byDigest;

  private BearerTokenAuthenticator(Map<String, Principal> byDigest) {
    this.byDigest = Map.copyOf(byDigest);
  }

  /** Returns a builder; at least one token is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<Principal> authenticate(HttpServletRequest request) {
    Enumeration<String> values = request.getHeaders("Authorization");
    if (values == null || !values.hasMoreElements()) {
      return Optional.empty();
    }
    String value = values.nextElement();
    if (values.hasMoreElements()
        || value.length() <= SCHEME.length()
        || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String token = value.substring(SCHEME.length()).strip();
    if (problemWith(token).isPresent()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byDigest.get(digest(token)));
  }

  @Override
  public Optional<String> challenge() {
    return Optional.of("Bearer realm=\"operator\"");
  }

  /**
   * Returns what is wrong with {@code token} as an operator token (never quoting it), or empty when
   * it is acceptable: {@value #MIN_TOKEN_LENGTH}-{@value #MAX_TOKEN_LENGTH} printable ASCII
   * characters without spaces. Lets callers validate configuration before building.
   */
  public static Optional<String> problemWith(String token) {
    Objects.requireNonNull(token, "token");
    if (token.length() < MIN_TOKEN_LENGTH || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.of(
          "must be " + MIN_TOKEN_LENGTH + "-" + MAX_TOKEN_LENGTH + " characters long");
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return Optional.of("must be printable ASCII without spaces");
    }
    return Optional.empty();
  }

  private static String digest(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "BearerTokenAuthenticator[" + byDigest.size() + " tokens]";
  }

  /** Collects tokens; a token may be added once. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Principal> byDigest = new HashMap<>();

    private Builder() {}

    /**
     * Maps {@code token} to {@code principal}.
     *
     * @throws IllegalArgumentException if the token is not {@value #MIN_TOKEN_LENGTH}-{@value
     *     #MAX_TOKEN_LENGTH} printable ASCII characters without spaces, or was already added (the
     *     message never shows the token)
     */
    public Builder token(String token, Principal principal) {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(principal, "principal");
      problemWith(token)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(
                    "token for principal '"
                        + principal.id()
                        + "' "
                        + problem
                        + " (value not shown)");
              });
      String digest = digest(token);
      if (byDigest.containsKey(digest)) {
        throw new IllegalArgumentException(
            "token for principal '"
                + principal.id()
                + "' is already mapped to principal '"
                + byDigest.get(digest).id()
                + "'");
      }
      byDigest.put(digest, principal);
      return this;
    }

    /**
     * Builds the authenticator.
     *
     * @throws IllegalStateException if no token was added
     */
    public BearerTokenAuthenticator build() {
      if (byDigest.isEmpty()) {
        throw new IllegalStateException("at least one token is required: call token(...)");
      }
      return new BearerTokenAuthenticator(byDigest);
    }
  }
}
