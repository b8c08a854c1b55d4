package dev.tdeveloper.security.waf.body;

import dev.tdeveloper.security.waf.ByteStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One pass over a multipart body, line by line, as ModSecurity's strict parser reads it: lines
 * before the first boundary are data before, a line that starts with {@code --} and the boundary
 * must end right after it (or after {@code --} for the final one), part headers end at a blank line
 * and must carry a valid {@code Content-Disposition}; anything after the final boundary is data
 * after. The first structural error stops the pass; the parts completed before it are kept. Work is
 * linear in the body. Confined to one call.
 */
final class MultipartParser {
  /** ModSecurity's line buffer: a part header line must be shorter. */
  static final int MAX_HEADER_LINE = 4096;

  private final byte[] body;
  private final MultipartBoundary boundary;
  private final ByteSearch delimiter;
  private final ByteSearch bare;
  private final int fileLimit;
  final MultipartFlags flags = new MultipartFlags();
  final List<Arg> args = new ArrayList<>();
  final List<FilePart> files = new ArrayList<>();
  final List<Arg> partHeaders = new ArrayList<>();
  final List<Arg> names = new ArrayList<>();
  final List<Arg> filenames = new ArrayList<>();
  String error = "";
  private MultipartPart part;
  private boolean complete;
  private int boundaries;
  private int fileCount;

  MultipartParser(byte[] body, MultipartBoundary boundary, int fileLimit) {
    this.body = body;
    this.boundary = boundary;
    byte[] b = ByteStrings.bytes(boundary.value());
    byte[] withDashes = new byte[b.length + 2];
    withDashes[0] = '-';
    withDashes[1] = '-';
    System.arraycopy(b, 0, withDashes, 2, b.length);
    this.delimiter = new ByteSearch(withDashes);
    this.bare = new ByteSearch(b);
    this.fileLimit = fileLimit;
  }

  /** Reads the whole body; afterwards the fields hold the outcome. */
  void run() {
    int n = body.length;
    int pos = 0;
    while (pos < n) {
      int nl = indexOfNewline(pos);
      if (nl < 0) {
        finalWithoutNewline(pos);
        break;
      }
      if (!line(pos, nl + 1)) {
        break;
      }
      pos = nl + 1;
      if (complete) {
        flags.dataAfter = pos < n;
        break;
      }
    }
    if (n > 0 && !complete && !flags.error) {
      fail(
          boundaries > 0
              ? "Multipart: Final boundary missing."
              : "Multipart: No boundaries found in payload.");
    }
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** A last line without a line ending counts only as the final boundary. */
  private void finalWithoutNewline(int s) {
    int end = s + delimiter.length();
    if (boundaries > 0
        && body.length == end + 2
        && delimiter.startsAt(body, s, body.length)
        && body[end] == '-'
        && body[end + 1] == '-') {
      finishPart();
      complete = true;
    }
  }

  /** Handles the line {@code body[s, e)}, its {@code \n} included; false on an error. */
  private boolean line(int s, int e) {
    int len = e - s;
    if (len > 3 && body[s] == '-' && body[s + 1] == '-') {
      if (delimiter.startsAt(body, s, e)) {
        return boundaryLine(s, e);
      }
      if (boundary.quoted() && body[s + 2] == '"' && bare.startsAt(body, s + 3, e)) {
        return fail("Multipart: Invalid boundary (quotes).");
      }
      int p = s + 2;
      while (p < e && MultipartBoundary.isSpace(body[p])) {
        p++;
      }
      if (p != s + 2 && bare.startsAt(body, p, e)) {
        return fail("Multipart: Invalid boundary (whitespace).");
      }
      flags.unmatchedBoundary = true;
    } else if (delimiter.occursIn(body, s, e)) {
      flags.unmatchedBoundary = true;
    }
    if (part == null) {
      flags.dataBefore = true;
      return true;
    }
    if (part.inHeaders) {
      return len >= MAX_HEADER_LINE
          ? fail("Multipart: Part header line over " + MAX_HEADER_LINE + " bytes long")
          : MultipartHeaders.line(this, part, body, s, e);
    }
    int ending = len > 1 && body[e - 2] == '\r' ? 2 : 1;
    part.addData(body, s, e - ending, ending);
    return true;
  }

  private boolean boundaryLine(int s, int e) {
    int end = s + delimiter.length();
    boolean last = end + 1 < e && body[end] == '-' && body[end + 1] == '-';
    if (last) {
      end += 2;
    }
    if (end + 2 == e && body[end] == '\r') {
      flags.crlfLine = true;
    } else if (end + 1 == e) {
      flags.lfLine = true;
    } else {
      return fail("Multipart: Invalid boundary: " + chomp(s, e));
    }
    finishPart();
    boundaries++;
    if (last) {
      complete = true;
    } else {
      part = new MultipartPart();
    }
    return true;
  }

  /** Ends the part being read: a named one becomes an argument or a file, others are invalid. */
  private void finishPart() {
    if (part == null) {
      return;
    }
    if (part.inHeaders || part.name.isEmpty()) {
      flags.invalidPart = true;
    } else {
      for (String header : part.headerLines) {
        partHeaders.add(new Arg(part.name, header));
      }
      if (part.file) {
        files.add(new FilePart(part.name, part.filename, part.size, part.headerLines));
      } else {
        args.add(new Arg(part.name, part.value.toString()));
      }
    }
    part = null;
  }

  /** Called when a file part's headers end: counts it against the upload file limit. */
  void fileStarted() {
    if (fileLimit > 0 && fileCount >= fileLimit && !flags.fileLimitExceeded) {
      flags.fileLimitExceeded = true;
      if (error.isEmpty()) {
        error =
            "Multipart: Upload file limit exceeded "
                + fileLimit
                + ". Use SecUploadFileLimit to change the limit.";
      }
    }
    fileCount++;
  }

  /**
   * Records a structural error (it replaces a file-limit message, which does not stop the pass);
   * returns false so callers can {@code return fail(...)}.
   */
  boolean fail(String message) {
    if (!flags.error) {
      error = message;
      flags.error = true;
    }
    return false;
  }

  /** The line as text without its ending, for messages. */
  String chomp(int s, int e) {
    int end = e;
    if (end > s && body[end - 1] == '\n') {
      end--;
    }
    if (end > s && body[end - 1] == '\r') {
      end--;
    }
    return new String(body, s, end - s, StandardCharsets.ISO_8859_1);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
