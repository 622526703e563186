package io.borderline.kml;

import io.borderline.features.Feature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes features as OGC KML 2.2 (and KMZ: a zip holding {@code doc.kml}) with the JDK's StAX
 * {@link XMLStreamWriter}; no KML object model is involved. A document has a name, a description
 * (what it is, with the data attribution) and one folder per published layer; each feature becomes a
 * Placemark with its layer's shared style, a name, and every property as
 * {@code <ExtendedData><Data name=".."><value>..</value></Data>} (a null property has an empty value).
 *
 * <p>Coordinates are longitude,latitude on WGS84 with 7 decimals (about 1 cm); polygon outer
 * boundaries run counter-clockwise and inner boundaries clockwise, as KML 2.2 asks; lines and
 * polygons are tessellated so they follow the ground. Multi-part geometries become MultiGeometry.
 * Stateless and thread-safe.
 */
public final class KmlWriter {
    public static final String KML_TYPE = "application/vnd.google-earth.kml+xml";
    public static final String KMZ_TYPE = "application/vnd.google-earth.kmz";
    static final String NS = "http://www.opengis.net/kml/2.2";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private KmlWriter() {}

    /**
     * One folder of placemarks.
     *
     * @param name folder name shown in the client's layer tree
     * @param style id of a {@link KmlStyle} every placemark uses
     * @param features the features, in order
     */
    public record Folder(String name, KmlStyle style, List<Feature> features) {}

    /** The document as KML (UTF-8). */
    public static byte[] kml(String name, String description, List<Folder> folders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(out, name, description, folders);
        return out.toByteArray();
    }

    /**
     * The document as KMZ: a zip whose first (and only) entry is {@code doc.kml}, with a fixed entry time
     * so the same document always gives the same bytes.
     */
    public static byte[] kmz(String name, String description, List<Folder> folders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry doc = new ZipEntry("doc.kml");
            doc.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0)); // same bytes for the same document
            zip.putNextEntry(doc);
            write(zip, name, description, folders);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(OutputStream out, String name, String description, List<Folder> folders) {
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "kml");
            w.writeDefaultNamespace(NS);
            w.writeStartElement(NS, "Document");
            text(w, "name", name);
            text(w, "description", description);
            Set<KmlStyle> styles = new LinkedHashSet<>();
            for (Folder f : folders) {
                styles.add(f.style());
            }
            for (KmlStyle s : styles) {
                s.write(w);
            }
            for (Folder f : folders) {
                w.writeStartElement(NS, "Folder");
                text(w, "name", f.name());
                for (Feature feature : f.features()) {
                    placemark(w, feature, f.style());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("KML not written", e);
        }
    }

    private static void placemark(XMLStreamWriter w, Feature f, KmlStyle style) throws XMLStreamException {
        w.writeStartElement(NS, "Placemark");
        w.writeAttribute("id", f.id());
        text(w, "name", label(f));
        text(w, "styleUrl", "#" + style.id());
        w.writeStartElement(NS, "ExtendedData");
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
            w.writeStartElement(NS, "Data");
            w.writeAttribute("name", e.getKey());
            text(w, "value", e.getValue() == null ? "" : e.getValue().toString());
            w.writeEndElement();
        }
        w.writeEndElement();
        Geometry g = f.geometry();
        if (g != null && !g.isEmpty()) {
            // polygons: JTS normal form has clockwise shells, KML wants them counter-clockwise; lines keep their
            // direction (a measured geodesic runs from the place to the border)
            geometry(w, g.getDimension() == 2 ? g.norm().reverse() : g);
        }
        w.writeEndElement();
    }

    /** The name a client shows: the English name, the place of a claim, or the id. */
    private static String label(Feature f) {
        for (String k : List.of("name_en", "place", "name")) {
            Object v = f.properties().get(k);
            if (v != null) {
                return v.toString();
            }
        }
        return f.id();
    }

    private static void geometry(XMLStreamWriter w, Geometry g) throws XMLStreamException {
        if (g instanceof Point p) {
            w.writeStartElement(NS, "Point");
            coordinates(w, p.getCoordinateSequence());
            w.writeEndElement();
        } else if (g instanceof LineString l) {
            w.writeStartElement(NS, "LineString");
            text(w, "tessellate", "1");
            coordinates(w, l.getCoordinateSequence());
            w.writeEndElement();
        } else if (g instanceof Polygon p) {
            w.writeStartElement(NS, "Polygon");
            text(w, "tessellate", "1");
            ring(w, "outerBoundaryIs", p.getExteriorRing());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(w, "innerBoundaryIs", p.getInteriorRingN(i));
            }
            w.writeEndElement();
        } else if (g instanceof GeometryCollection c) {
            w.writeStartElement(NS, "MultiGeometry");
            for (int i = 0; i < c.getNumGeometries(); i++) {
                geometry(w, c.getGeometryN(i));
            }
            w.writeEndElement();
        } else {
            throw new IllegalArgumentException("no KML for " + g.getGeometryType());
        }
    }

    private static void ring(XMLStreamWriter w, String boundary, LineString ring) throws XMLStreamException {
        w.writeStartElement(NS, boundary);
        w.writeStartElement(NS, "LinearRing");
        coordinates(w, ring.getCoordinateSequence());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void coordinates(XMLStreamWriter w, CoordinateSequence seq) throws XMLStreamException {
        StringBuilder sb = new StringBuilder(seq.size() * 24);
        Coordinate c = new Coordinate();
        for (int i = 0; i < seq.size(); i++) {
            seq.getCoordinate(i, c);
            if (i > 0) {
                sb.append(' ');
            }
            decimal(sb, c.x);
            sb.append(',');
            decimal(sb, c.y);
        }
        text(w, "coordinates", sb.toString());
    }

    /** Degrees with 7 decimals, trailing zeros dropped. */
    static void decimal(StringBuilder sb, double deg) {
        long e7 = Math.round(deg * 1e7);
        if (e7 < 0) {
            sb.append('-');
            e7 = -e7;
        }
        sb.append(e7 / 10_000_000);
        long frac = e7 % 10_000_000;
        if (frac != 0) {
            String digits = Long.toString(frac + 10_000_000).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
    }

    static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(NS, element);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
