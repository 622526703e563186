package io.borderline.http;

import io.borderline.kml.KmlWriter;
import io.javalin.http.Context;
import java.util.List;

/** Format negotiation for the routes that also answer KML/KMZ, and the writing of those answers. */
final class KmlResponse {
    static final String KML = "kml";
    static final String KMZ = "kmz";

    private KmlResponse() {}

    /**
     * The format asked for: parameter {@code f} when given (one of {@code allowed}), else KMZ or KML when
     * the Accept header names their media type, else {@code allowed.get(0)}.
     */
    static String format(Context ctx, Params p, List<String> allowed) {
        String f = p.optional("f");
        if (f != null) {
            if (!allowed.contains(f)) {
                throw ApiException.badParameter("f", "parameter 'f': unsupported format '" + Params.shorten(f) + "'",
                    String.join(", ", allowed));
            }
            return f;
        }
        String accept = ctx.header("Accept");
        if (accept != null) {
            if (accept.contains(KmlWriter.KMZ_TYPE)) {
                return KMZ;
            }
            if (accept.contains(KmlWriter.KML_TYPE)) {
                return KML;
            }
        }
        return allowed.get(0);
    }

    static boolean isKml(String format) {
        return format.equals(KML) || format.equals(KMZ);
    }

    /** Writes the document as KML or KMZ, with a file name for clients that save it. */
    static void write(Context ctx, String format, String file, String name, String description,
                      List<KmlWriter.Folder> folders) {
        boolean kmz = format.equals(KMZ);
        ctx.header("Content-Disposition", "inline; filename=\"" + file + (kmz ? ".kmz" : ".kml") + "\"");
        if (kmz) {
            TilesApi.binary(ctx, KmlWriter.KMZ_TYPE, KmlWriter.kmz(name, description, folders));
        } else {
            ctx.contentType(KmlWriter.KML_TYPE).result(KmlWriter.kml(name, description, folders));
        }
    }
}
