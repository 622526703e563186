package io.borderline.http;

import io.borderline.gpkg.GeoPackageWriter;
import io.javalin.http.Context;
import java.util.List;

/** The {@code f=gpkg} answers: a GeoPackage file (EPSG:4326, one table per layer, R-tree indexed) as an attachment. */
final class GeoPackageResponse {
    static final String GPKG = "gpkg";

    private GeoPackageResponse() {}

    static void write(Context ctx, String file, List<GeoPackageWriter.Layer> layers) {
        byte[] body = GeoPackageWriter.write(layers);
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".gpkg\"");
        TilesApi.binary(ctx, GeoPackageWriter.MEDIA_TYPE, body);
    }
}
