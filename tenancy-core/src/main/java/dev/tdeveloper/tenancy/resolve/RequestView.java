package dev.tdeveloper.tenancy.resolve;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of an incoming request that tenant resolution may look at: the host, the headers, the
 * path and the claims of a token that has already been verified. Frameworks adapt their request
 * type to this interface (the servlet filter does so without copying); {@link #builder()} makes one
 * by hand.
 *
 * <p>Implementations must be safe to read from the thread handling the request.
 */
public interface RequestView {
  /**
   * Returns the {@code Host} (or {@code :authority}) as sent, possibly with a port; empty if
   * absent.
   */
  String host();

  /** Returns the first value of the header {@code name}, matched case-insensitively. */
  Optional<String> header(String name);

  /** Returns the raw (not decoded) request path, starting with {@code /}. */
  String path();

  /**
   * Returns a claim of a token the caller has already verified (signature, expiry, audience). Never
   * fed from unverified input.
   */
  Optional<String> verifiedClaim(String name);

  /** Returns a builder of an immutable request view. */
  static Builder builder() {
    return new Builder();
  }

  /** Builder of an immutable {@link RequestView}; not thread-safe, the built view is. */
  final class Builder {
    private String host = "";
    private String path = "/";
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> claims = new TreeMap<>();

    private Builder() {}

    /** Sets the host; defaults to empty. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Sets the raw path; defaults to {@code /}. */
    public Builder path(String path) {
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Adds a header; the first value of a name wins, as with most servers. */
    public Builder header(String name, String value) {
      headers.putIfAbsent(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds a verified claim. */
    public Builder verifiedClaim(String name, String value) {
      claims.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Builds the view. */
    public RequestView build() {
      Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.putAll(headers);
      Map<String, String> c = Map.copyOf(claims);
      String builtHost = host;
      String builtPath = path;
      return new RequestView() {
        @Override
        public String host() {
          return builtHost;
        }

        @Override
        public Optional<String> header(String name) {
          return Optional.ofNullable(h.get(name));
        }

        @Override
        public String path() {
          return builtPath;
        }

        @Override
        public Optional<String> verifiedClaim(String name) {
          return Optional.ofNullable(c.get(name));
        }

        @Override
        public String toString() {
          return "RequestView[host="
              + builtHost
              + ", path="
              + builtPath
              + ", headers="
              + h.keySet().toString().toLowerCase(Locale.ROOT)
              + "]";
        }
      };
    }
  }
}
