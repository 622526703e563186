package io.borderline.kml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The shared style of a published layer's placemarks. Colours are KML's aabbggrr hex; polygon fills
 * are semi-transparent so the base map shows through a coverage.
 */
public enum KmlStyle {
    COUNTRIES("countries", "ff7f7f7f", 1.5, "26c8c8c8", null, 0),
    BORDERS("borders", "ff1e1ee6", 3, null, null, 0),
    SITES("sites", "ff000000", 1, null, "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png", 0.8),
    CLAIMS("claims", "ff000000", 1, null, "http://maps.google.com/mapfiles/kml/shapes/info-i.png", 0.9),
    DRONES("drones", "ff000000", 1, null, null, 0),
    COVERAGE_BLR("coverage-blr", "ff0a64dc", 1.5, "400a8cff", null, 0),
    COVERAGE_RUS("coverage-rus", "ff2020b4", 1.5, "402828dc", null, 0),
    TIME_RINGS("time-rings", "ff0a3cb4", 1.5, "1a0a3cb4", null, 0),
    COVERAGE("coverage", "ff0a64dc", 2, "4d0a8cff", null, 0),
    SOURCE("source", "ff1e1ee6", 3, "26ffffff", "http://maps.google.com/mapfiles/kml/shapes/target.png", 0.9),
    /** A claimed distance: the geodesic circle of that radius around the place. */
    CLAIMED("claimed", "ff6f6f6f", 2, null, null, 0.8),
    /** A measured distance: the geodesic to the nearest border point, and that point. */
    MEASURED("measured", "ff794e1f", 3, null, "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png", 0.8);

    private final String id;
    private final String lineColor;
    private final double lineWidth;
    private final String fillColor;
    private final String icon;
    private final double labelScale;

    KmlStyle(String id, String lineColor, double lineWidth, String fillColor, String icon, double labelScale) {
        this.id = id;
        this.lineColor = lineColor;
        this.lineWidth = lineWidth;
        this.fillColor = fillColor;
        this.icon = icon;
        this.labelScale = labelScale;
    }

    public String id() {
        return id;
    }

    /** The style of a published layer's placemarks (the layer's id is the style's id). */
    public static KmlStyle of(String layerId) {
        for (KmlStyle s : values()) {
            if (s.id.equals(layerId)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no KML style for layer " + layerId);
    }

    void write(XMLStreamWriter w) throws XMLStreamException {
        String ns = KmlWriter.NS;
        w.writeStartElement(ns, "Style");
        w.writeAttribute("id", id);
        if (icon != null) {
            w.writeStartElement(ns, "IconStyle");
            w.writeStartElement(ns, "Icon");
            KmlWriter.text(w, "href", icon);
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeStartElement(ns, "LabelStyle");
        KmlWriter.text(w, "scale", Double.toString(labelScale));
        w.writeEndElement();
        w.writeStartElement(ns, "LineStyle");
        KmlWriter.text(w, "color", lineColor);
        KmlWriter.text(w, "width", Double.toString(lineWidth));
        w.writeEndElement();
        w.writeStartElement(ns, "PolyStyle");
        if (fillColor == null) {
            KmlWriter.text(w, "fill", "0");
        } else {
            KmlWriter.text(w, "color", fillColor);
        }
        KmlWriter.text(w, "outline", "1");
        w.writeEndElement();
        w.writeEndElement();
    }
}
