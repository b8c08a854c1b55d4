package dev.tdeveloper.tenancy.resolve;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * Returns every value of the header {@code name} (matched case-insensitively), one per header
   * line in the order received; empty if absent. Resolvers read this, not {@link #header}, so a
   * repeated header can never be read as its first value while a proxy or the application reads
   * another.
   */
  List<String> headers(String name);

  /**
   * Returns the first value of the header {@code name}, matched case-insensitively. Convenient for
   * headers that cannot carry a tenant; a tenant signal must be read with {@link #headers} and
   * refused when repeated with different values.
   */
  default Optional<String> header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

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
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
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

    /**
     * Adds a header line; calling it again with the same name (in any case) adds another value, as
     * a repeated header line does.
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /** Adds a verified claim. */
    public Builder verifiedClaim(String name, String value) {
      claims.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Builds the view. */
    public RequestView build() {
      Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((name, values) -> h.put(name, List.copyOf(values)));
      Map<String, String> c = Map.copyOf(claims);
      String builtHost = host;
      String builtPath = path;
      return new RequestView() {
        @Override
        public String host() {
          return builtHost;
        }

        @Override
        public List<String> headers(String name) {
          return h.getOrDefault(Objects.requireNonNull(name, "name"), List.of());
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
