package dev.tdeveloper.security.waf.body;

import dev.tdeveloper.security.waf.ByteStrings;
import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An XML body as a DOM document. {@code XML:xpath} yields, for each selected node, its text content
 * as UTF-8 bytes (libxml2's {@code xmlNodeGetContent}: the text of an element and all its
 * descendants, an attribute's value); an expression that yields a string, number or boolean gives
 * that one value. {@code /*}, the only expression CRS uses, is answered without XPath. Confined to
 * its transaction (the XPath engine is created on first use).
 */
final class DomXmlBody implements XmlBody {
  private final Document doc;
  private XPath xpath;

  DomXmlBody(Document doc) {
    this.doc = doc;
  }

  @Override
  public List<String> select(String expression) {
    if (expression.equals("/*")) {
      Element root = doc.getDocumentElement();
      return root == null ? List.of() : List.of(text(root));
    }
    if (expression.isEmpty()) {
      return List.of();
    }
    try {
      if (xpath == null) {
        xpath = XPathFactory.newInstance().newXPath();
      }
      Object nodes;
      try {
        nodes = xpath.evaluate(expression, doc, XPathConstants.NODESET);
      } catch (XPathExpressionException notNodes) {
        return List.of(ByteStrings.ofUtf8(xpath.evaluate(expression, doc)));
      }
      NodeList list = (NodeList) nodes;
      List<String> out = new ArrayList<>(list.getLength());
      for (int i = 0; i < list.getLength(); i++) {
        out.add(text(list.item(i)));
      }
      return out;
    } catch (XPathExpressionException | RuntimeException e) {
      return List.of();
    }
  }

  /** The node's text, gathered without recursion (documents may be deep). */
  static String text(Node node) {
    short type = node.getNodeType();
    if (type != Node.ELEMENT_NODE
        && type != Node.DOCUMENT_NODE
        && type != Node.DOCUMENT_FRAGMENT_NODE
        && type != Node.ENTITY_REFERENCE_NODE) {
      String value = node.getNodeValue();
      return value == null ? "" : ByteStrings.ofUtf8(value);
    }
    StringBuilder b = new StringBuilder();
    Node n = node.getFirstChild();
    while (n != null) {
      short t = n.getNodeType();
      if (t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) {
        b.append(n.getNodeValue());
      }
      Node child =
          t == Node.ELEMENT_NODE || t == Node.ENTITY_REFERENCE_NODE ? n.getFirstChild() : null;
      if (child != null) {
        n = child;
        continue;
      }
      while (n != null && n != node && n.getNextSibling() == null) {
        n = n.getParentNode();
      }
      n = n == null || n == node ? null : n.getNextSibling();
    }
    return ByteStrings.ofUtf8(b.toString());
  }
}
