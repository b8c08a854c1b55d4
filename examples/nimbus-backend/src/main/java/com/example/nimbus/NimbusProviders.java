package com.example.nimbus;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the providers' one setting, {@value #ENDPOINT}. Stateless. */
final class NimbusProviders {
  /** The Nimbus endpoint setting: {@value}. */
  static final String ENDPOINT = "nimbus.endpoint";

  private NimbusProviders() {}

  /**
   * Returns the endpoint.
   *
   * @throws IllegalArgumentException if it is missing or blank, or another key is given
   */
  static String endpoint(Map<String, String> config) {
    Set<String> unknown = new TreeSet<>(config.keySet());
    unknown.remove(ENDPOINT);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown Nimbus settings " + unknown + "; known: [" + ENDPOINT + "]");
    }
    String endpoint = config.get(ENDPOINT);
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException(ENDPOINT + " is required, for example nimbus://eu-1");
    }
    return endpoint;
  }
}
