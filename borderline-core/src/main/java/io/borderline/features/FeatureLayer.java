package io.borderline.features;

import java.util.List;
import java.util.function.Function;

/**
 * A published layer (an OGC API collection, a KML folder, a vector tile layer).
 *
 * @param id collection id used in URLs
 * @param title short human title
 * @param description what the features are and what their numbers mean
 * @param geometryType GeoJSON geometry type of its features (null when they have none)
 * @param queryables properties that may be filtered by equality ({@code ?name=value})
 * @param features the features for a dataset id, in a stable order
 */
public record FeatureLayer(String id, String title, String description, String geometryType,
                           List<String> queryables, Function<String, List<Feature>> features) {
}
