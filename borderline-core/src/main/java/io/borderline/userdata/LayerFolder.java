package io.borderline.userdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderline.projection.OutputCrs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Loads every layer file of a folder at start-up: GeoJSON ({@code .geojson}, {@code .json}) and
 * GeoPackage ({@code .gpkg}, every feature table, read with NGA's GeoPackage library). Each file
 * becomes the layer named by its file name without the extension, read with the same checks as
 * a request's target ({@link GeoJsonTargets}, with {@link UserLimits#LAYER}), repaired and
 * indexed ({@link UserTarget}). The folder and its files are only read, never written.
 *
 * <p>A file that cannot be read, or a name that is not URL-safe, stops the load with a
 * {@link LayerException} naming the file: a service that started without a layer the operator
 * put in the folder would silently answer about the wrong line.
 */
public final class LayerFolder {
    /** Layer names: letters, digits, '.', '_' and '-', up to 64 characters (they appear in URLs). */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    private LayerFolder() {}

    /** A layer file that cannot be loaded. */
    public static final class LayerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LayerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Loads every layer file in {@code dir} (not its subfolders), in file-name order. */
    public static UserLayers load(Path dir, GeometryFactory factory) {
        if (!Files.isDirectory(dir)) {
            throw new LayerException("the layer folder " + dir + " is not a directory", null);
        }
        Map<String, UserLayer> layers = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String fileName = file.getFileName().toString();
                int dot = fileName.lastIndexOf('.');
                String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!List.of("geojson", "json", "gpkg").contains(ext)) {
                    continue;
                }
                String name = fileName.substring(0, dot);
                if (!name.matches(NAME_PATTERN)) {
                    throw new LayerException("layer file " + fileName + ": the name '" + name + "' must match "
                        + NAME_PATTERN + " (it is used in URLs)", null);
                }
                if (layers.containsKey(name)) {
                    throw new LayerException("layer file " + fileName + ": another file already defines layer '"
                        + name + "' (" + layers.get(name).fileName() + ")", null);
                }
                layers.put(name, load(file, name, ext.equals("gpkg") ? "gpkg" : "geojson", factory));
            }
        } catch (IOException e) {
            throw new LayerException("cannot list the layer folder " + dir + ": " + e.getMessage(), e);
        }
        return new UserLayers(layers);
    }

    private static UserLayer load(Path file, String name, String format, GeometryFactory factory) {
        long t0 = System.nanoTime();
        String fileName = file.getFileName().toString();
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            JsonNode collection = format.equals("gpkg") ? geoPackage(file) : MAPPER.readTree(bytes);
            List<UserFeature> features = GeoJsonTargets.read(collection, null, UserLimits.LAYER, factory);
            UserTarget target = UserTarget.build(features, UserTarget.hash(features), UserLimits.LAYER, factory);
            return new UserLayer(name, fileName, format, sha, Instant.now(), (System.nanoTime() - t0) / 1_000_000,
                target);
        } catch (UserGeometryException e) {
            throw new LayerException("layer file " + fileName + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new LayerException("layer file " + fileName + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every feature of every feature table as one GeoJSON FeatureCollection, so GeoPackage layers pass the same
     * checks as GeoJSON ones. Geometries must be stored in WGS84 longitude/latitude (srs EPSG:4326 or OGC CRS84;
     * GeoPackage stores x = longitude whatever the EPSG axis order).
     */
    private static JsonNode geoPackage(Path file) throws IOException {
        ObjectNode fc = MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        GeoJsonWriter writer = new GeoJsonWriter(15);
        writer.setEncodeCRS(false);
        WKBReader wkb = new WKBReader();
        try (GeoPackage gpkg = GeoPackageManager.open(false, file.toFile(), false)) {
            List<String> tables = gpkg.getFeatureTables();
            for (String table : tables) {
                FeatureDao dao = gpkg.getFeatureDao(table);
                SpatialReferenceSystem srs = dao.getSrs();
                String crs = srs == null ? "undefined" : srs.getOrganization() + ":" + srs.getOrganizationCoordsysId();
                if (!crs.equalsIgnoreCase("EPSG:4326") && !crs.equalsIgnoreCase("OGC:84")
                    && !crs.equalsIgnoreCase("NONE:-1") && !crs.equalsIgnoreCase("NONE:0")) {
                    throw new IOException("table '" + table + "' is in " + crs + "; layers must be WGS84"
                        + " longitude/latitude (e.g. ogr2ogr -t_srs EPSG:4326)");
                }
                FeatureResultSet rows = dao.queryForAll();
                try {
                    while (rows.moveToNext()) {
                        FeatureRow row = rows.getRow();
                        ObjectNode f = features.addObject();
                        f.put("type", "Feature");
                        ObjectNode props = MAPPER.createObjectNode();
                        for (String column : row.getColumnNames()) {
                            if (column.equals(dao.getGeometryColumnName()) || column.equals(dao.getIdColumnName())) {
                                continue;
                            }
                            props.set(column, MAPPER.valueToTree(scalar(row.getValue(column))));
                        }
                        String id = props.hasNonNull("id") ? props.get("id").asText()
                            : (tables.size() > 1 ? table + "." : "") + row.getId();
                        f.put("id", id);
                        if (tables.size() > 1) {
                            props.put("table", table);
                        }
                        GeoPackageGeometryData g = row.getGeometry();
                        if (g == null || g.isEmpty()) {
                            f.putNull("geometry");
                        } else {
                            f.set("geometry", MAPPER.readTree(writer.write(wkb.read(g.getWkb()))));
                        }
                        f.set("properties", props);
                    }
                } finally {
                    rows.close();
                }
            }
        } catch (ParseException e) {
            throw new IOException("a geometry is not readable WKB: " + e.getMessage(), e);
        }
        return fc;
    }

    private static Object scalar(Object v) {
        return v == null || v instanceof Number || v instanceof Boolean || v instanceof String ? v : v.toString();
    }
}
