package dev.tdeveloper.security.waf.body;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A multipart part being read: its headers (names compared case-insensitively), its name and file
 * name once the headers end, and its content (kept for a form field, only counted for a file).
 * Confined to one parse.
 */
final class MultipartPart {
  /** Header values by lower-case name. */
  final Map<String, String> headers = new LinkedHashMap<>();

  /** The header lines as sent, line endings removed, folded lines joined with a space. */
  final List<String> headerLines = new ArrayList<>();

  /** The lower-case name of the last header, the one a folded line continues; null before. */
  String lastHeader;

  /** Whether the blank line that ends the headers is still to come. */
  boolean inHeaders = true;

  String name = "";
  String filename = "";
  boolean file;

  /** A form field's content so far. */
  final StringBuilder value = new StringBuilder();

  /** A file's size so far. */
  long size;

  /** The line ending held back: it belongs to the content only if more content follows. */
  int reserved;

  /** Adds a data line without its ending, after the ending held back from the previous line. */
  void addData(byte[] body, int from, int to, int ending) {
    if (file) {
      size += reserved + (to - from);
    } else {
      if (reserved == 2) {
        value.append("\r\n");
      } else if (reserved == 1) {
        value.append('\n');
      }
      for (int i = from; i < to; i++) {
        value.append((char) (body[i] & 0xff));
      }
    }
    reserved = ending;
  }

  /** The value of a header, any case; null when absent. */
  String header(String anyCase) {
    return headers.get(anyCase.toLowerCase(Locale.ROOT));
  }
}
