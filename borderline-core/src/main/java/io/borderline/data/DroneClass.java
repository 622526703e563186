package io.borderline.data;

/**
 * A drone class from {@code data/drones.csv} with its nominal published range.
 *
 * @param id class id
 * @param name display name
 * @param droneClass fpv, loitering_munition, reconnaissance or one_way_attack
 * @param rangeKm nominal range, km (1 to 2,500)
 * @param rangeMeaning one_way_reach, radius_of_action or datalink_radius
 * @param examples example systems
 * @param source citation
 * @param sourceUrl link
 */
public record DroneClass(String id, String name, String droneClass, double rangeKm, String rangeMeaning,
                         String examples, String source, String sourceUrl) {
    public static final java.util.Set<String> CLASSES =
        java.util.Set.of("fpv", "loitering_munition", "reconnaissance", "one_way_attack");
    public static final java.util.Set<String> MEANINGS =
        java.util.Set.of("one_way_reach", "radius_of_action", "datalink_radius");
}
