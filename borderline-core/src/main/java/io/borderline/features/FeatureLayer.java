package io.borderline.features;

import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;

/**
 * A published layer (an OGC API collection, a KML folder, a vector tile layer).
 *
 * @param id collection id used in URLs
 * @param title short human title
 * @param description what the features are and what their numbers mean
 * @param geometryType GeoJSON geometry type of its features (null when they have none)
 * @param queryables properties that may be filtered by equality ({@code ?name=value})
 * @param features the features for a dataset id, in a stable order
 * @param extent for a dataset id, a longitude/latitude box known to hold every feature, known without computing
 *               them (a computed layer's coverages take seconds to minutes); null: the features' own envelope
 */
public record FeatureLayer(String id, String title, String description, String geometryType,
                           List<String> queryables, Function<String, List<Feature>> features,
                           Function<String, Envelope> extent) {

    /** A layer whose extent is its features' envelope. */
    public FeatureLayer(String id, String title, String description, String geometryType, List<String> queryables,
                        Function<String, List<Feature>> features) {
        this(id, title, description, geometryType, queryables, features, null);
    }
}
