package dev.tdeveloper.security.waf.body;

/**
 * One request body processor ({@code URLENCODED}, {@code MULTIPART}, {@code JSON}, {@code XML}):
 * stateless and thread-safe, never throws on any body.
 */
@FunctionalInterface
public interface BodyProcessor {
  /**
   * Processes a body.
   *
   * @param body the bytes received (already cut to the body limit by the engine)
   * @param contentType the request's {@code Content-Type} header, as sent; empty when absent
   * @return the arguments, files, flags and error
   */
  BodyResult process(byte[] body, String contentType);
}
