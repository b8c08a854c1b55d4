package dev.tdeveloper.security.waf.body;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code MULTIPART} processor: a strict {@code multipart/form-data} parser after ModSecurity's.
 * Form fields become arguments ({@code ARGS_POST}), file parts {@link FilePart}s (name, file name,
 * size and header lines; the content is counted, never kept), and every {@code MULTIPART_*} flag is
 * set, 0 or 1. The extra collections {@code MULTIPART_PART_HEADERS}, {@code MULTIPART_NAME} and
 * {@code MULTIPART_FILENAME} are in {@link BodyResult#collections()}. Stateless and thread-safe.
 *
 * <p>Where this differs from libmodsecurity3, on purpose: the first structural error stops the
 * parse and its message is kept (ModSecurity may replace it by "Final boundary missing"), and the
 * parts completed before it stay available to the rules; a form field keeps the line breaks inside
 * its value (libmodsecurity3 3.0.x drops them); {@code MULTIPART_UNMATCHED_BOUNDARY} is 0 or 1 (the
 * value 2 that libmodsecurity3 3.0.8+ sets on every body with two boundaries is not used); a
 * duplicate part header is an error (as in ModSecurity 2); the file limit counts file parts when
 * their headers end, whether or not files are kept.
 */
final class MultipartProcessor implements BodyProcessor {
  private final int fileLimit;

  MultipartProcessor(int fileLimit) {
    this.fileLimit = fileLimit;
  }

  @Override
  public BodyResult process(byte[] body, String contentType) {
    MultipartBoundary boundary = MultipartBoundary.of(contentType);
    if (boundary.failed()) {
      MultipartFlags flags = new MultipartFlags();
      flags.error = true;
      return new BodyResult(
          List.of(),
          List.of(),
          flags.toMap(),
          Optional.of(BodyProcessors.MULTIPART_ERROR_PREFIX + boundary.error()),
          Optional.empty());
    }
    MultipartParser parser = new MultipartParser(body, boundary, fileLimit);
    parser.flags.boundaryQuoted = boundary.quoted();
    parser.flags.boundaryWhitespace = boundary.whitespace();
    parser.flags.missingSemicolon = boundary.missingSemicolon();
    parser.run();
    return new BodyResult(
        parser.args,
        parser.files,
        parser.flags.toMap(),
        parser.error.isEmpty()
            ? Optional.empty()
            : Optional.of(BodyProcessors.MULTIPART_ERROR_PREFIX + parser.error),
        Optional.empty(),
        Map.of(
            "MULTIPART_PART_HEADERS", parser.partHeaders,
            "MULTIPART_NAME", parser.names,
            "MULTIPART_FILENAME", parser.filenames));
  }
}
