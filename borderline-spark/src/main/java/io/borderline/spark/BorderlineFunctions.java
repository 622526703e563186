package io.borderline.spark;

import io.borderline.analysis.BorderDistance;
import io.borderline.analysis.CountryDistance;
import io.borderline.data.BorderlineData;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Borderline's distances as Spark SQL functions. Each function computes exactly what
 * {@code POST /distance/batch} computes for a point (the same engine, the same rounding): the
 * geodesic distance on WGS84 to a country's territory and to its international boundary line,
 * exact to 1 m against a brute force over every boundary segment.
 *
 * <pre>
 * border_distance_m(lat, lon, to)        DOUBLE  metres to the country's boundary line (default dataset)
 * country_distance_m(lat, lon, to)       DOUBLE  metres to its territory, 0 inside
 * inside_country(lat, lon, to)           BOOLEAN the point lies in the country's territory
 * border_distance_m_in(lat, lon, to, dataset), country_distance_m_in(...), inside_country_in(...)
 *                                        the same in a named dataset (osm10m, ne10m)
 * borderline_distance(lat, lon, to, dataset)  STRUCT  every field of the batch answer, and error
 * border_distance_m_line(lat, lon, to, dataset, border_line), borderline_distance_line(lat, lon, to, dataset,
 *                                        border_line)  the same to the 'political' (default) or 'land' line,
 *                                        as POST /distance/batch?border= (null: political)
 * </pre>
 * (Spark SQL functions cannot be overloaded by arity, hence the {@code _in} and {@code _line} names.)
 *
 * A null, NaN or out-of-range coordinate, an unknown country or dataset gives a null result (and, in
 * {@code borderline_distance}, a non-null {@code error}) instead of failing the job. Functions hold only
 * the data location; the engine is loaded once per executor JVM ({@link Engine}).
 */
public final class BorderlineFunctions {
    /** The struct {@code borderline_distance} returns; field names and units as in the batch answer. */
    public static final StructType RESULT = new StructType()
        .add("dataset", DataTypes.StringType)
        .add("inside", DataTypes.BooleanType)
        .add("in_states", DataTypes.createArrayType(DataTypes.StringType))
        .add("distance_m", DataTypes.DoubleType)
        .add("distance_km", DataTypes.DoubleType)
        .add("nearest_lat", DataTypes.DoubleType)
        .add("nearest_lon", DataTypes.DoubleType)
        .add("bearing_deg", DataTypes.DoubleType)
        .add("border_id", DataTypes.StringType)
        .add("border_distance_m", DataTypes.DoubleType)
        .add("border_nearest_lat", DataTypes.DoubleType)
        .add("border_nearest_lon", DataTypes.DoubleType)
        .add("border_bearing_deg", DataTypes.DoubleType)
        .add("border_segment_kind", DataTypes.StringType)
        .add("border_line", DataTypes.StringType)
        .add("error", DataTypes.StringType);

    private BorderlineFunctions() {}

    /**
     * Registers the functions on a session.
     *
     * @param dataDir the data directory as every executor sees it (a shared or shipped path), or null to
     *     use the data bundled in the borderline-spark jar
     */
    public static void register(SparkSession spark, String dataDir) {
        UDF3<Double, Double, String, Double> border3 = (lat, lon, to) -> borderM(dataDir, lat, lon, to, null);
        UDF4<Double, Double, String, String, Double> border4 = (lat, lon, to, ds) -> borderM(dataDir, lat, lon, to, ds);
        UDF3<Double, Double, String, Double> country3 = (lat, lon, to) -> countryM(dataDir, lat, lon, to, null);
        UDF4<Double, Double, String, String, Double> country4 = (lat, lon, to, ds) -> countryM(dataDir, lat, lon, to, ds);
        UDF3<Double, Double, String, Boolean> inside3 = (lat, lon, to) -> inside(dataDir, lat, lon, to, null);
        UDF4<Double, Double, String, String, Boolean> inside4 = (lat, lon, to, ds) -> inside(dataDir, lat, lon, to, ds);
        UDF4<Double, Double, String, String, Row> full = (lat, lon, to, ds) -> row(dataDir, lat, lon, to, ds, null);
        UDF5<Double, Double, String, String, String, Double> border5 =
            (lat, lon, to, ds, line) -> borderM(dataDir, lat, lon, to, ds, line);
        UDF5<Double, Double, String, String, String, Row> full5 =
            (lat, lon, to, ds, line) -> row(dataDir, lat, lon, to, ds, line);
        spark.udf().register("border_distance_m", border3, DataTypes.DoubleType);
        spark.udf().register("border_distance_m_in", border4, DataTypes.DoubleType);
        spark.udf().register("border_distance_m_line", border5, DataTypes.DoubleType);
        spark.udf().register("country_distance_m", country3, DataTypes.DoubleType);
        spark.udf().register("country_distance_m_in", country4, DataTypes.DoubleType);
        spark.udf().register("inside_country", inside3, DataTypes.BooleanType);
        spark.udf().register("inside_country_in", inside4, DataTypes.BooleanType);
        // marked non-deterministic so the optimiser evaluates it once per row even when several of its
        // fields are selected (it would otherwise inline one call per field)
        UserDefinedFunction fullUdf = functions.udf(full, RESULT).asNondeterministic();
        spark.udf().register("borderline_distance", fullUdf);
        spark.udf().register("borderline_distance_line", functions.udf(full5, RESULT).asNondeterministic());
    }

    static Double borderM(String dataDir, Double lat, Double lon, String to, String ds) {
        return borderM(dataDir, lat, lon, to, ds, null);
    }

    static Double borderM(String dataDir, Double lat, Double lon, String to, String ds, String line) {
        CountryDistance d = Engine.get(dataDir).measure(lat, lon, to, ds, line).distance();
        return d == null || d.border() == null ? null : d.border().distanceM();
    }

    static Double countryM(String dataDir, Double lat, Double lon, String to, String ds) {
        CountryDistance d = Engine.get(dataDir).measure(lat, lon, to, ds).distance();
        return d == null ? null : d.distanceM();
    }

    static Boolean inside(String dataDir, Double lat, Double lon, String to, String ds) {
        CountryDistance d = Engine.get(dataDir).measure(lat, lon, to, ds).distance();
        return d == null ? null : d.inside();
    }

    static Row row(String dataDir, Double lat, Double lon, String to, String ds, String line) {
        Engine.Result r = Engine.get(dataDir).measure(lat, lon, to, ds, line);
        CountryDistance d = r.distance();
        if (d == null) {
            return RowFactory.create(ds == null ? BorderlineData.DEFAULT_DATASET : ds, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, r.error());
        }
        BorderDistance b = d.border();
        return RowFactory.create(d.dataset(), d.inside(), d.inStates(),
            d.distanceM(), Math.round(d.distanceM()) / 1000.0,
            d.nearestPoint() == null ? null : d.nearestPoint().lat(), d.nearestPoint() == null ? null : d.nearestPoint().lon(),
            d.bearingDeg(),
            b == null ? null : b.borderId(), b == null ? null : b.distanceM(),
            b == null ? null : b.nearestPoint().lat(), b == null ? null : b.nearestPoint().lon(),
            b == null ? null : b.bearingDeg(), b == null ? null : b.segmentKind(), b == null ? null : b.borderLine(),
            null);
    }
}
