package dev.tdeveloper.security.waf.body;

import java.util.List;

/** A parsed XML request body. Confined to its transaction (not thread-safe). */
public interface XmlBody {
  /**
   * The values {@code XML:xpath} yields: for each selected node its text content (for {@code /*},
   * the text of the whole document, as ModSecurity's {@code XML:/*} is used by CRS).
   *
   * @param xpath an XPath 1.0 expression
   * @return the values in document order; empty when the expression selects nothing or is invalid
   */
  List<String> select(String xpath);
}
