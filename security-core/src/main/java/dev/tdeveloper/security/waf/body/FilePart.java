package dev.tdeveloper.security.waf.body;

import java.util.Objects;

/**
 * A file part of a multipart body.
 *
 * @param field the form field name ({@code FILES_NAMES})
 * @param filename the file name as sent ({@code FILES})
 * @param size the content's length in bytes ({@code FILES_SIZES})
 * @param headers the part's header lines as sent ({@code MULTIPART_PART_HEADERS})
 */
public record FilePart(String field, String filename, long size, java.util.List<String> headers) {
  /** Validates and copies. */
  public FilePart {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(filename, "filename");
    headers = java.util.List.copyOf(headers);
  }
}
