package io.borderline.data;

/**
 * A drone class from {@code data/drones.csv} with its nominal published range and speeds.
 *
 * @param id class id
 * @param name display name
 * @param droneClass fpv, loitering_munition, reconnaissance or one_way_attack
 * @param rangeKm nominal range, km (1 to 2,500)
 * @param rangeMeaning one_way_reach, radius_of_action or datalink_radius
 * @param examples example systems
 * @param source citation
 * @param sourceUrl link
 * @param cruiseSpeedKmh published cruise speed, km/h, or null when none is published (unknown, never guessed)
 * @param cruiseSpeedSource citation of the cruise speed (quote, publication, date), or null
 * @param cruiseSpeedUrl link of the cruise speed's source, or null
 * @param maxSpeedKmh published maximum speed, km/h, or null when none is published
 * @param maxSpeedSource citation of the maximum speed, or null
 * @param maxSpeedUrl link of the maximum speed's source, or null
 */
public record DroneClass(String id, String name, String droneClass, double rangeKm, String rangeMeaning,
                         String examples, String source, String sourceUrl,
                         Double cruiseSpeedKmh, String cruiseSpeedSource, String cruiseSpeedUrl,
                         Double maxSpeedKmh, String maxSpeedSource, String maxSpeedUrl) {
    public static final java.util.Set<String> CLASSES =
        java.util.Set.of("fpv", "loitering_munition", "reconnaissance", "one_way_attack");
    public static final java.util.Set<String> MEANINGS =
        java.util.Set.of("one_way_reach", "radius_of_action", "datalink_radius");
    /** Highest speed the catalogue and the API accept, km/h (above it a figure is a typo, not a drone). */
    public static final double MAX_SPEED_KMH = 1_000;

    /** The fastest published speed (maximum, else cruise), km/h, or null when neither is known. */
    public Double fastestSpeedKmh() {
        return maxSpeedKmh != null ? maxSpeedKmh : cruiseSpeedKmh;
    }
}
