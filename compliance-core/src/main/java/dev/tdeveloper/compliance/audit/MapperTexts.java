package dev.tdeveloper.compliance.audit;

/**
 * Makes arbitrary text fit an {@link AuditEvent} field, so mapping another component's event never
 * fails on its content: control characters and unpaired surrogates become {@code ?}, the text is
 * cut to the field's length (ending in {@code ...}) and an empty text becomes {@code -}. Stateless.
 */
final class MapperTexts {
  static final int ACTOR = 256;
  static final int RESOURCE = 512;
  static final int DETAIL = 2048;

  private MapperTexts() {}

  static String fit(String text, int max) {
    if (text == null || text.isEmpty()) {
      return "-";
    }
    String cut = text.length() > max ? text.substring(0, max - 3) : text;
    StringBuilder out = new StringBuilder(cut.length() + 3);
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < cut.length()
          && Character.isLowSurrogate(cut.charAt(i + 1))) {
        out.append(c).append(cut.charAt(++i));
      } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return cut.length() < text.length() ? out.append("...").toString() : out.toString();
  }
}
