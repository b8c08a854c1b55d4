package dev.tdeveloper.security.waf.body;

import java.nio.charset.StandardCharsets;

/**
 * The part header lines of a multipart body, as ModSecurity reads them: no NUL byte; a line that
 * starts with whitespace folds into the previous header (flagged; whitespace other than space and
 * tab is flagged as invalid folding); other lines are {@code Name: value} with a unique name
 * (compared case-insensitively); the blank line ends the headers, and the {@code
 * Content-Disposition} header then names the part and tells a file (a non-empty {@code filename})
 * from a form field. Stateless.
 */
final class MultipartHeaders {
  private static final int MAX_HEADER_VALUE = 4096;

  private MultipartHeaders() {}

  /** Handles the header line {@code body[s, e)} of {@code part}; false on an error. */
  static boolean line(MultipartParser parser, MultipartPart part, byte[] body, int s, int e) {
    for (int i = s; i < e; i++) {
      if (body[i] == 0) {
        return parser.fail("Multipart: Nul byte in part headers.");
      }
    }
    int len = e - s;
    if (len > 1 && body[e - 2] == '\r') {
      parser.flags.crlfLine = true;
    } else {
      parser.flags.lfLine = true;
    }
    if (len == 1 || (len == 2 && body[s] == '\r')) {
      return end(parser, part);
    }
    if (MultipartBoundary.isSpace(body[s])) {
      return fold(parser, part, body, s, e);
    }
    int colon = s;
    while (colon < e && body[colon] != ':') {
      colon++;
    }
    if (colon == e) {
      return parser.fail("Multipart: Invalid part header (colon missing): " + parser.chomp(s, e));
    }
    if (colon == s) {
      return parser.fail("Multipart: Invalid part header (header name missing).");
    }
    String name = new String(body, s, colon - s, StandardCharsets.ISO_8859_1);
    int v = colon + 1;
    while (v < e && (body[v] == ' ' || body[v] == '\t')) {
      v++;
    }
    String key = MultipartParser.lower(name);
    if (part.headers.containsKey(key)) {
      return parser.fail("Multipart: Duplicate part header: " + name + ".");
    }
    part.headers.put(key, parser.chomp(v, e));
    part.headerLines.add(parser.chomp(s, e));
    part.lastHeader = key;
    return true;
  }

  private static boolean fold(
      MultipartParser parser, MultipartPart part, byte[] body, int s, int e) {
    parser.flags.headerFolding = true;
    if (part.lastHeader == null) {
      return parser.fail("Multipart: Invalid part header (folding error).");
    }
    int p = s;
    while (p < e && MultipartBoundary.isSpace(body[p])) {
      if (body[p] != ' ' && body[p] != '\t') {
        parser.flags.invalidHeaderFolding = true;
      }
      p++;
    }
    String more = " " + parser.chomp(p, e);
    String value = part.headers.get(part.lastHeader) + more;
    part.headers.put(part.lastHeader, value);
    int last = part.headerLines.size() - 1;
    part.headerLines.set(last, part.headerLines.get(last) + more);
    if (value.length() > MAX_HEADER_VALUE) {
      return parser.fail("Multipart: Part header too long.");
    }
    return true;
  }

  /** The blank line: reads {@code Content-Disposition} and switches the part to its content. */
  private static boolean end(MultipartParser parser, MultipartPart part) {
    String disposition = part.header("Content-Disposition");
    if (disposition == null) {
      return parser.fail("Multipart: Part missing Content-Disposition header.");
    }
    ContentDisposition cd = new ContentDisposition(parser.names, parser.filenames);
    int rc = cd.parse(disposition);
    parser.flags.invalidQuoting |= cd.invalidQuoting();
    if (rc < 0) {
      return parser.fail(
          "Multipart: Invalid Content-Disposition header (" + rc + "): " + disposition);
    }
    if (cd.name().isEmpty()) {
      return parser.fail("Multipart: Content-Disposition header missing name field.");
    }
    part.name = cd.name();
    if (!cd.filename().isEmpty()) {
      if (!disposition.contains("filename=")) {
        return parser.fail("Multipart: Invalid Content-Disposition header (filename).");
      }
      part.filename = cd.filename();
      part.file = true;
      parser.fileStarted();
    }
    part.inHeaders = false;
    part.lastHeader = null;
    return true;
  }
}
