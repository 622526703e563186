package io.borderline.data;

/**
 * Where a boundary dataset comes from, as recorded by the data build.
 *
 * @param id dataset id used in requests: osm10m or ne10m
 * @param packageName npm package
 * @param version package version
 * @param upstream upstream source
 * @param licence data licence
 * @param attribution required attribution
 * @param resolution nominal resolution
 */
public record DatasetInfo(String id, String packageName, String version, String upstream, String licence,
                          String attribution, String resolution) {}
