package dev.tdeveloper.security.waf.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Headers in the order they were sent, repeated ones kept, names as sent and looked up
 * case-insensitively. Confined to one transaction.
 */
final class HeaderList {
  private final List<String> names = new ArrayList<>();
  private final List<String> values = new ArrayList<>();

  /**
   * Appends a header.
   *
   * @param name the name as sent
   * @param value the value, a byte string
   */
  void add(String name, String value) {
    names.add(name);
    values.add(value);
  }

  /** The number of headers. */
  int size() {
    return names.size();
  }

  /** The name of the header at {@code i}, as sent. */
  String name(int i) {
    return names.get(i);
  }

  /** The value of the header at {@code i}. */
  String value(int i) {
    return values.get(i);
  }

  /**
   * The value of the first header with a name.
   *
   * @param name the name, any case
   * @return the value; empty when absent
   */
  Optional<String> first(String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return Optional.of(values.get(i));
      }
    }
    return Optional.empty();
  }
}
