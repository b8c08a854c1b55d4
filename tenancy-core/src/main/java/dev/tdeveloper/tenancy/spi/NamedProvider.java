package dev.tdeveloper.tenancy.spi;

/** A backend provider found through {@link java.util.ServiceLoader}, known by a short name. */
public interface NamedProvider {
  /**
   * Returns the provider's name, for example {@code in-memory}, {@code redis}, {@code postgres}.
   */
  String name();
}
