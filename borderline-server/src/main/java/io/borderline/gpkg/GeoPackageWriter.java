package io.borderline.gpkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderline.features.Feature;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes features (WGS84 longitude/latitude, as {@link Feature} holds them) to an OGC GeoPackage 1.x with NGA's
 * {@code mil.nga.geopackage} library: one feature table per layer in EPSG:4326 (srs_id 4326, stored x = longitude),
 * a primary key {@code fid}, the geometry column {@code geom}, the feature id as {@code id}, one column per property
 * (INTEGER, DOUBLE, BOOLEAN or TEXT from the values; maps and lists as JSON text), the layer's extent in
 * gpkg_contents, and an R-tree spatial index (the gpkg_rtree_index extension).
 *
 * <p>The GeoPackage is built in a temporary directory that is deleted before the bytes are returned: nothing is
 * kept on disk. Thread-safe (no shared state); each call opens its own SQLite database.
 */
public final class GeoPackageWriter {
    /** The media type of a GeoPackage (OGC 12-128r18, annex). */
    public static final String MEDIA_TYPE = "application/geopackage+sqlite3";
    private static final long WGS84_SRS_ID = 4326;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A named layer of features. */
    public record Layer(String name, List<Feature> features) {}

    private GeoPackageWriter() {}

    /** The layers as the bytes of a GeoPackage file. */
    public static byte[] write(List<Layer> layers) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("borderline-gpkg");
            File file = dir.resolve("out.gpkg").toFile();
            write(layers, file);
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(dir);
        }
    }

    /** Writes the layers to a new GeoPackage at {@code file} (which must not exist). */
    public static void write(List<Layer> layers, File file) {
        GeoPackageManager.create(file);
        try (GeoPackage gpkg = GeoPackageManager.open(file)) {
            for (Layer l : layers) {
                table(gpkg, l);
            }
        }
    }

    private static void table(GeoPackage gpkg, Layer layer) {
        Map<String, GeoPackageDataType> types = columnTypes(layer.features());
        List<FeatureColumn> columns = new ArrayList<>();
        if (!types.containsKey("id")) {
            columns.add(FeatureColumn.createColumn("id", GeoPackageDataType.TEXT));
        }
        types.forEach((k, t) -> columns.add(FeatureColumn.createColumn(k, t)));
        GeometryColumns geometryColumns = new GeometryColumns();
        geometryColumns.setId(new mil.nga.geopackage.db.TableColumnKey(layer.name(), "geom"));
        geometryColumns.setGeometryType(geometryType(layer.features()));
        geometryColumns.setZ((byte) 0);
        geometryColumns.setM((byte) 0);
        geometryColumns.setSrsId(WGS84_SRS_ID);
        Envelope e = new Envelope();
        layer.features().forEach(f -> {
            if (f.located()) {
                e.expandToInclude(f.envelope());
            }
        });
        BoundingBox box = e.isNull() ? new BoundingBox(-180, -90, 180, 90)
            : new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        gpkg.createFeatureTable(FeatureTableMetadata.create(geometryColumns, "fid", columns, box));
        FeatureDao dao = gpkg.getFeatureDao(layer.name());
        WKBWriter wkb = new WKBWriter(2);
        for (Feature f : layer.features()) {
            FeatureRow row = dao.newRow();
            Geometry g = f.geometry();
            if (g != null) {
                try {
                    row.setGeometry(GeoPackageGeometryData.createAndBuildEnvelope(WGS84_SRS_ID,
                        GeometryReader.readGeometry(wkb.write(g))));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
            if (!types.containsKey("id")) {
                row.setValue("id", f.id());
            }
            for (Map.Entry<String, GeoPackageDataType> c : types.entrySet()) {
                row.setValue(c.getKey(), value(f.properties().get(c.getKey()), c.getValue()));
            }
            dao.create(row);
        }
        new RTreeIndexExtension(gpkg).create(dao.getTable());
    }

    /** One column per property name, typed from the first non-null value (TEXT when values disagree). */
    private static Map<String, GeoPackageDataType> columnTypes(List<Feature> features) {
        Map<String, GeoPackageDataType> types = new LinkedHashMap<>();
        for (Feature f : features) {
            for (Map.Entry<String, Object> p : f.properties().entrySet()) {
                GeoPackageDataType t = p.getValue() == null ? null : type(p.getValue());
                GeoPackageDataType known = types.get(p.getKey());
                if (known == null) {
                    types.put(p.getKey(), t);
                } else if (t != null && t != known) {
                    boolean numbers = (t == GeoPackageDataType.INTEGER || t == GeoPackageDataType.DOUBLE)
                        && (known == GeoPackageDataType.INTEGER || known == GeoPackageDataType.DOUBLE);
                    types.put(p.getKey(), numbers ? GeoPackageDataType.DOUBLE : GeoPackageDataType.TEXT);
                }
            }
        }
        types.replaceAll((k, t) -> t == null ? GeoPackageDataType.TEXT : t);
        return types;
    }

    private static GeoPackageDataType type(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return GeoPackageDataType.INTEGER;
        }
        if (v instanceof Number) {
            return GeoPackageDataType.DOUBLE;
        }
        if (v instanceof Boolean) {
            return GeoPackageDataType.BOOLEAN;
        }
        return GeoPackageDataType.TEXT;
    }

    private static Object value(Object v, GeoPackageDataType column) {
        if (v == null) {
            return null;
        }
        switch (column) {
            case INTEGER:
                return ((Number) v).longValue();
            case DOUBLE:
                return ((Number) v).doubleValue();
            case BOOLEAN:
                return v;
            default:
                if (v instanceof String s) {
                    return s;
                }
                if (v instanceof Number || v instanceof Boolean) {
                    return v.toString();
                }
                try {
                    return JSON.writeValueAsString(v);
                } catch (JsonProcessingException e) {
                    return v.toString();
                }
        }
    }

    /** The most specific geometry type every feature has (a Point and a MultiPoint make MULTIPOINT). */
    private static GeometryType geometryType(List<Feature> features) {
        GeometryType common = null;
        for (Feature f : features) {
            if (!f.located()) {
                continue;
            }
            GeometryType t = GeometryType.findName(f.geometry().getGeometryType());
            if (common == null) {
                common = t;
            } else if (common != t) {
                GeometryType multi = multi(t);
                common = multi != null && multi == multi(common) ? multi : GeometryType.GEOMETRY;
            }
        }
        return common == null ? GeometryType.GEOMETRY : common;
    }

    private static GeometryType multi(GeometryType t) {
        return switch (t) {
            case POINT, MULTIPOINT -> GeometryType.MULTIPOINT;
            case LINESTRING, MULTILINESTRING -> GeometryType.MULTILINESTRING;
            case POLYGON, MULTIPOLYGON -> GeometryType.MULTIPOLYGON;
            default -> null;
        };
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory the OS cleans up
        }
    }
}
