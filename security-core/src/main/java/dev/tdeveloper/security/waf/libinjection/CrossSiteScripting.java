package dev.tdeveloper.security.waf.libinjection;

/**
 * Detects cross-site scripting the way libinjection does: the input is read by an HTML5-ish
 * tokenizer as if it had been pasted into a page in five places — in text, and inside an attribute
 * value that is unquoted, single-, double- or backtick-quoted — and it is XSS when any reading
 * meets:
 *
 * <ul>
 *   <li>a tag from our blacklist ({@code script}, {@code iframe}, {@code object}, {@code embed},
 *       {@code style}, {@code base}, {@code link}, {@code meta}, {@code math}, any {@code svg*} or
 *       {@code xsl*}, ...: see {@link XssRules#TAGS});
 *   <li>an attribute with a value that is an event handler ({@code on} followed by a known event
 *       name) or always dangerous ({@code style}, {@code xmlns}, {@code srcdoc}, ...);
 *   <li>a URL attribute ({@code src}, {@code href}, {@code action}, {@code formaction}, {@code
 *       xlink:href}, ...) whose value starts with {@code javascript:}, {@code vbscript:}, {@code
 *       livescript:} or {@code data:} (images other than SVG excepted), ignoring case, control
 *       characters and whitespace anywhere in the scheme, and numeric or {@code &colon;}/{@code
 *       &Tab;}/{@code &NewLine;} character references;
 *   <li>an SVG {@code attributeName} naming {@code href}, {@code src}, {@code style} or an event;
 *   <li>a doctype, a comment holding a backtick or starting {@code [if} (IE), or a {@code <?...>} /
 *       {@code <!...>} declaration starting {@code xml}, {@code import} or {@code entity};
 *   <li>in the attribute-value readings, a value that itself starts with {@code javascript:} or
 *       {@code vbscript:} (the value lands in an {@code href}).
 * </ul>
 *
 * <p>Differences from libinjection: an attribute without {@code =} is not flagged (it cannot carry
 * a payload), our event list is our own, and the last rule above is ours. Thread-safe and
 * stateless; allocates nothing. Never throws for any string.
 */
public final class CrossSiteScripting {
  private CrossSiteScripting() {}

  /**
   * Detects cross-site scripting in a value.
   *
   * @param byteString the value, one char per byte
   * @return whether it is XSS
   */
  public static boolean detect(String byteString) {
    if (byteString.isEmpty()) {
      return false;
    }
    if (Html.scan(byteString, Html.DATA) || Html.scan(byteString, Html.NO_QUOTE)) {
      return true;
    }
    return quoted(byteString, '\'') || quoted(byteString, '"') || quoted(byteString, '`');
  }

  private static boolean quoted(String s, char quote) {
    return s.indexOf(quote) >= 0 && Html.scan(s, quote);
  }
}
