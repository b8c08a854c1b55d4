package dev.tdeveloper.security.waf.transform;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: applies a transformation by its SecLang name. */
final class Tfn {
  private Tfn() {}

  static String apply(String name, String input) {
    return Transformations.byName(name).orElseThrow().apply(input);
  }

  /** Asserts a transformation result, naming the transformation and the input when it differs. */
  static void check(String name, String input, String expected) {
    String out = apply(name, input);
    assertThat(out).as("%s(%s)", name, printable(input)).isEqualTo(expected);
  }

  /** Asserts that a transformation returns the very input instance. */
  static void unchanged(String name, String input) {
    assertThat(apply(name, input)).as("%s(%s)", name, printable(input)).isSameAs(input);
  }

  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c > 0x7E) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
