package dev.tdeveloper.security.waf.transform;

/**
 * One transformation ({@code t:lowercase}, {@code t:urlDecodeUni}, ...): a pure function of a byte
 * string (one char per byte, see {@link dev.tdeveloper.security.waf.ByteStrings}). Implementations
 * are stateless and thread-safe, never throw on any input (invalid encodings are left as they are,
 * as ModSecurity leaves them), and return the input itself when nothing changes.
 */
@FunctionalInterface
public interface Transformation {
  /**
   * Transforms a value.
   *
   * @param input a byte string
   * @return the transformed byte string
   */
  String apply(String input);
}
