package io.borderline.render;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The words of a rendered SVG map, read as XML: what a reader (or a screen reader) gets from its text. */
public final class SvgText {
    private SvgText() {}

    /** Every {@code <text>} element's content, in document (drawing) order. */
    public static List<String> texts(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            NodeList texts = doc.getElementsByTagName("text");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < texts.getLength(); i++) {
                out.add(texts.item(i).getTextContent());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("not an SVG document", e);
        }
    }

    /** The texts joined by spaces, so wrapped lines read as one sentence again. */
    public static String joined(String svg) {
        return String.join(" ", texts(svg));
    }
}
