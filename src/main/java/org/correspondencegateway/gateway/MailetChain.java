package org.correspondencegateway.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.correspondencegateway.config.ConfigurationProblem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The mailet chain in {@code mailets/mailetcontainer.xml}: James's own mailet-container format, used as
 * is by the embedded gateway and copied into an existing James.
 *
 * <p>The chain delivers through James's {@code RemoteDelivery} in the {@value #RELAY} processor. The
 * embedded gateway fills in that mailet's next-hop parameters ({@code gateway}, {@code gatewayPort},
 * {@code startTLS}, {@code gatewayUsername}, {@code gatewayPassword}) from {@code conf/gateway.yaml};
 * with no next hop configured it puts a {@code ToRepository} into the outbox in its place, so that a
 * newcomer sees what would have gone out. Nothing else in the chain is changed.
 *
 * <p>Instances are immutable; {@link #forEmbeddedGateway} works on a copy.
 */
public final class MailetChain {
    /** The processor that hands mail to the next hop. */
    public static final String RELAY = "relay";

    private final Path file;
    private final Document document;

    private MailetChain(Path file, Document document) {
        this.file = file;
        this.document = document;
    }

    /**
     * Reads and checks the chain: well-formed XML whose root is {@code mailetcontainer}, with a
     * {@value #RELAY} processor that delivers through {@code RemoteDelivery}.
     */
    public static MailetChain read(Path file) throws ConfigurationProblem {
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(new FailOnError());
            document = builder.parse(in, file.toUri().toString());
        } catch (NoSuchFileException e) {
            throw ConfigurationProblem.in(file, "no such file");
        } catch (SAXParseException e) {
            throw ConfigurationProblem.at(file, Math.max(e.getLineNumber(), 1), "not well-formed XML: " + e.getMessage());
        } catch (SAXException e) {
            throw ConfigurationProblem.in(file, "not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw ConfigurationProblem.in(file, "cannot be read (" + e.getMessage() + ")", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
        if (!"mailetcontainer".equals(document.getDocumentElement().getTagName())) {
            throw ConfigurationProblem.in(file, "the root element must be <mailetcontainer>, not <"
                + document.getDocumentElement().getTagName() + ">");
        }
        MailetChain chain = new MailetChain(file, document);
        chain.remoteDelivery(document);
        return chain;
    }

    /** The file the chain was read from. */
    public Path file() {
        return file;
    }

    /** The processors' states, in the order they are declared. */
    public List<String> processors() {
        List<String> states = new ArrayList<>();
        NodeList processors = document.getElementsByTagName("processor");
        for (int i = 0; i < processors.getLength(); i++) {
            states.add(((Element) processors.item(i)).getAttribute("state"));
        }
        return List.copyOf(states);
    }

    /** The chain as the embedded gateway gives it to James: delivering to {@code nextHop}, or to the outbox. */
    public String forEmbeddedGateway(Optional<GatewaySettings.NextHop> nextHop) {
        Document copy = (Document) document.cloneNode(true);
        Element remoteDelivery;
        try {
            remoteDelivery = remoteDelivery(copy);
        } catch (ConfigurationProblem e) {
            throw new IllegalStateException("checked when read", e);
        }
        if (nextHop.isPresent()) {
            GatewaySettings.NextHop hop = nextHop.get();
            setParameter(remoteDelivery, "gateway", hop.host());
            setParameter(remoteDelivery, "gatewayPort", Integer.toString(hop.port()));
            setParameter(remoteDelivery, "startTLS", Boolean.toString(hop.startTls()));
            hop.credentials().ifPresent(credentials -> {
                setParameter(remoteDelivery, "gatewayUsername", credentials.username());
                setParameter(remoteDelivery, "gatewayPassword", credentials.password());
            });
        } else {
            Element outbox = copy.createElement("mailet");
            outbox.setAttribute("match", "All");
            outbox.setAttribute("class", "ToRepository");
            setParameter(outbox, "repositoryPath", MailRepositories.OUTBOX);
            remoteDelivery.getParentNode().replaceChild(outbox, remoteDelivery);
        }
        return serialize(copy);
    }

    private Element remoteDelivery(Document in) throws ConfigurationProblem {
        NodeList processors = in.getElementsByTagName("processor");
        for (int i = 0; i < processors.getLength(); i++) {
            Element processor = (Element) processors.item(i);
            if (RELAY.equals(processor.getAttribute("state"))) {
                for (Element mailet : children(processor, "mailet")) {
                    String mailetClass = mailet.getAttribute("class");
                    if (mailetClass.equals("RemoteDelivery") || mailetClass.endsWith(".RemoteDelivery")) {
                        return mailet;
                    }
                }
                throw ConfigurationProblem.in(file, "the <processor state=\"" + RELAY
                    + "\"> must deliver through a RemoteDelivery mailet; the gateway sets its next hop");
            }
        }
        throw ConfigurationProblem.in(file, "there is no <processor state=\"" + RELAY
            + "\">; the gateway delivers checked mail from there");
    }

    private static void setParameter(Element mailet, String name, String value) {
        for (Element existing : children(mailet, name)) {
            mailet.removeChild(existing);
        }
        Element parameter = mailet.getOwnerDocument().createElement(name);
        parameter.setTextContent(value);
        mailet.appendChild(parameter);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the chain back out", e);
        }
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /** The default handler prints to stderr and carries on; a broken chain must stop start-up instead. */
    private static final class FailOnError implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
