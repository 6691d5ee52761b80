package org.pkcn.exchange.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.BiConsumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A model file read as plain XML (no DTDs, no external entities), for the checks that look at every element and
 * attribute. What the file means to the engine is the engine's parser's business ({@link EngineParse}).
 */
final class XmlFile {

    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    static final String ACTIVITI_BPMN = "http://activiti.org/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    final String name;
    final String text;
    final Document document;

    private XmlFile(String name, String text, Document document) {
        this.name = name;
        this.text = text;
        this.document = document;
    }

    /** The file, or the problem that keeps it from being XML. */
    static Object read(String name, byte[] content, String text) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return new XmlFile(name, text, builder.parse(new ByteArrayInputStream(content)));
        } catch (SAXParseException malformed) {
            return new ModelProblem(name, malformed.getLineNumber() > 0 ? malformed.getLineNumber() : null, null,
                    "not well-formed XML: " + malformed.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException unreadable) {
            return ModelProblem.of(name, "cannot be read as XML: " + unreadable.getMessage());
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Every element, with the id of the nearest element (itself or an ancestor) that has one. */
    void visit(BiConsumer<Element, String> visitor) {
        visit(document.getDocumentElement(), null, visitor);
    }

    private static void visit(Element element, String enclosingId, BiConsumer<Element, String> visitor) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
        visitor.accept(element, id);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                visit(childElement, id, visitor);
            }
        }
    }

    /**
     * The attribute in Camunda's namespace (or the older Activiti one), or null. On Camunda's own elements
     * ({@code <camunda:taskListener delegateExpression="...">}) the attribute carries no namespace.
     */
    static String camunda(Element element, String attribute) {
        if (isCamunda(element)) {
            return element.hasAttribute(attribute) ? element.getAttribute(attribute) : null;
        }
        for (String namespace : new String[] {CAMUNDA_BPMN, ACTIVITI_BPMN, CAMUNDA_DMN}) {
            if (element.hasAttributeNS(namespace, attribute)) {
                return element.getAttributeNS(namespace, attribute);
            }
        }
        return null;
    }

    static boolean isCamunda(Element element) {
        String namespace = element.getNamespaceURI();
        return CAMUNDA_BPMN.equals(namespace) || ACTIVITI_BPMN.equals(namespace) || CAMUNDA_DMN.equals(namespace);
    }

    /** The element's own text when it has no child elements (a condition, a parameter's value), else null. */
    static String leafText(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                return null;
            }
        }
        return element.getTextContent();
    }

    ModelProblem problem(String element, String message) {
        return new ModelProblem(name, SourceLines.lineOfId(text, element), element, message);
    }
}
