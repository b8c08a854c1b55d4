package dev.tdeveloper.security.waf.body;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The {@code XML} processor: the JDK's DOM parser, hardened. A document type declaration is refused
 * outright (so no entity of any kind can be declared: no XXE file or network read, no billion
 * laughs), external DTDs and schemas are never fetched, XInclude is off and secure processing caps
 * what is left. A body that is not well-formed XML, or holds a DOCTYPE, gives {@code REQBODY_ERROR}
 * with the parser's message; a good one is offered as {@link XmlBody} for {@code XML:/xpath}.
 * Thread-safe (one parser per thread).
 *
 * <p>Elements nest at most {@value #MAX_DEPTH} deep, libxml2's default limit.
 *
 * <p>ModSecurity's libxml2 accepts an internal DTD subset without expanding external entities;
 * refusing every DOCTYPE is stricter, and request bodies of XML APIs do not carry one.
 */
final class XmlProcessor implements BodyProcessor {
  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // warnings do not fail a body
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  /** libxml2's default depth limit, which ModSecurity keeps. */
  static final int MAX_DEPTH = 256;

  private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

  private static final ThreadLocal<DocumentBuilder> BUILDER =
      ThreadLocal.withInitial(XmlProcessor::newBuilder);

  @Override
  public BodyResult process(byte[] body, String contentType) {
    if (body.length == 0) {
      return new BodyResult(List.of(), List.of(), Map.of(), Optional.empty(), Optional.empty());
    }
    DocumentBuilder builder = BUILDER.get();
    try {
      Document doc = builder.parse(new ByteArrayInputStream(body));
      return new BodyResult(
          List.of(), List.of(), Map.of(), Optional.empty(), Optional.of(new DomXmlBody(doc)));
    } catch (SAXParseException e) {
      return BodyResult.failed(
          BodyProcessors.XML_ERROR_PREFIX
              + e.getMessage()
              + " (line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ")");
    } catch (Exception | StackOverflowError e) {
      return BodyResult.failed(BodyProcessors.XML_ERROR_PREFIX + e.getMessage());
    } finally {
      builder.reset();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
          });
    }
  }

  /** A builder configured against every XML attack the JDK parser is open to. */
  static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setValidating(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(SILENT);
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
          });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a hardening feature", e);
    }
  }
}
