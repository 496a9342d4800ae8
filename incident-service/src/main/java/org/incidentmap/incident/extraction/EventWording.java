package org.incidentmap.incident.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads weapon, target, ACLED event type and the responsible side from the words of a clause.
 * Patterns are ordered: the first weapon named decides between ACLED's "Air/drone strike" and
 * "Shelling/artillery/missile attack".
 */
final class EventWording {

    static final String EXPLOSIONS = "Explosions/Remote violence";
    static final String AIR_DRONE = "Air/drone strike";
    static final String SHELLING = "Shelling/artillery/missile attack";
    static final String REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED";
    static final String BATTLES = "Battles";
    static final String ARMED_CLASH = "Armed clash";

    private static final Map<String, Pattern> WEAPONS = new LinkedHashMap<>();
    private static final Map<String, Pattern> TARGETS = new LinkedHashMap<>();

    static {
        WEAPONS.put("glide bomb", words("glide bombs?|guided (?:aerial )?bombs?|kabs?"));
        WEAPONS.put("air strike", words("air ?strikes?|airstrikes?|aerial bombs?|bombing|bombed|warplanes?|"
                + "aircraft dropped"));
        WEAPONS.put("drone", words("drones?|uavs?|shaheds?|gerans?|kamikaze|loitering munitions?|fpv"));
        WEAPONS.put("missile", words("missiles?|iskanders?|kalibrs?|kinzhals?|ballistic|cruise"));
        WEAPONS.put("rocket", words("rockets?|multiple rocket|mlrs|grad|himars"));
        WEAPONS.put("shelling", words("shelling|shelled|shells?|artillery|mortars?|howitzers?|cannon"));
        WEAPONS.put("landmine", words("landmines?|mines?|ied|explosive devices?|booby[- ]trap\\w*"));

        TARGETS.put("residential building", words("apartment (?:block|building|buildings|blocks)|residential\\w*|"
                + "high-rise|block of flats|homes?|houses?|private house|dwellings?|dormitory|neighbourhood|"
                + "neighborhood"));
        TARGETS.put("energy infrastructure", words("power (?:plant|station|line|lines|grid|facility|facilities|"
                + "infrastructure)|energy\\w*|substations?|electricity|thermal power|grid|heating plant|"
                + "combined heat|gas (?:production|processing|facility|facilities|infrastructure|pipeline|field|"
                + "station|storage)"));
        TARGETS.put("hospital", words("hospitals?|clinics?|maternity|medical (?:facility|centre|center)"));
        TARGETS.put("educational facility", words("schools?|kindergartens?|universit(?:y|ies)|college"));
        TARGETS.put("oil facility", words("oil (?:\\w+ )?(?:depot|refinery|terminal|facility|tankers?|storage|"
                + "station|pipeline|platform)|"
                + "refiner(?:y|ies)|fuel depot|oil depots?"));
        TARGETS.put("railway", words("railway\\w*|train|trains|rail|locomotive|station platform"));
        TARGETS.put("port", words("ports?|grain terminal|harbou?r|docks?"));
        TARGETS.put("civilian vehicle", words("bus|minibus|car|cars|vehicle|vehicles|truck|ambulance"));
        TARGETS.put("commercial facility", words("market|supermarket|shopping (?:centre|center|mall)|shops?|"
                + "stores?|cafe|restaurant|hotel|post office"));
        TARGETS.put("industrial facility", words("enterprise|factory|factories|industrial\\w*|warehouses?|plant"));
        TARGETS.put("airfield", words("airfields?|air ?base|airport"));
        TARGETS.put("religious site", words("church|cathedral|monastery"));
        TARGETS.put("military facility", words("ammunition (?:depot|dump|warehouse)|military (?:base|facility|"
                + "facilities|unit|airfield|depot)|naval base|barracks|command post|arsenal|landing ship|warships?|"
                + "frigate|training ground|air defen[cs]e system"));
        TARGETS.put("civilian infrastructure", words("civilian infrastructure|infrastructure (?:facility|"
                + "facilities|object|site)|logistics (?:centre|center|hub)|gas station|petrol station|"
                + "filling station|bridge"));
    }

    private static final Pattern ATTACK = words("strikes?|struck|attacks?|attacked|hit|hits|pounded|pounding|"
            + "shelling|shelled|bombed|bombardment|explosions?|blasts?|assault|barrage|targeted|damaged|"
            + "destroyed");
    private static final Pattern CLASH = words("clash(?:es)?|firefights?|fighting|gunfight");
    private static final Pattern RUSSIAN_SIDE = Pattern.compile("\\b(?:russian (?:\\w+ )?(?:strikes?|attacks?|"
            + "missiles?|drones?|shelling|forces|troops|army|bombs?|glide bombs?|shells|artillery|aircraft|"
            + "air strikes?|airstrikes?|shahed\\w*|assault|barrage)|by russia\\b|russia (?:launched|fired|struck|"
            + "attacked|shelled)|moscow's (?:forces|strikes?|attack))");
    private static final Pattern UKRAINIAN_SIDE = Pattern.compile("\\b(?:ukrainian (?:\\w+ )?(?:strikes?|"
            + "attacks?|missiles?|drones?|shelling|forces|troops|army|artillery|shells|barrage)|by ukraine\\b|"
            + "ukraine (?:launched|fired|struck|attacked|shelled)|kyiv's (?:forces|strikes?|attack|drones?))");

    private EventWording() {
    }

    static List<String> weapons(String clause) {
        return matching(WEAPONS, clause);
    }

    static List<String> targets(String clause) {
        return matching(TARGETS, clause);
    }

    static boolean mentionsAttack(String clause) {
        return ATTACK.matcher(clause.toLowerCase(Locale.ROOT)).find() || !weapons(clause).isEmpty();
    }

    /** ACLED event and sub-event type; the sub-event is null when the wording names no weapon. */
    record EventType(String eventType, String subEventType) {
    }

    static EventType eventType(List<String> weapons, String clause) {
        if (weapons.isEmpty()) {
            if (CLASH.matcher(clause.toLowerCase(Locale.ROOT)).find()) {
                return new EventType(BATTLES, ARMED_CLASH);
            }
            return new EventType(EXPLOSIONS, null);
        }
        String sub = switch (weapons.get(0)) {
            case "glide bomb", "air strike", "drone" -> AIR_DRONE;
            case "landmine" -> REMOTE_EXPLOSIVE;
            default -> SHELLING;
        };
        return new EventType(EXPLOSIONS, sub);
    }

    /** "Russia" or "Ukraine" when the clause says whose weapon or forces it was. */
    static String actor(String clause) {
        String t = clause.toLowerCase(Locale.ROOT);
        var ru = RUSSIAN_SIDE.matcher(t);
        var ua = UKRAINIAN_SIDE.matcher(t);
        boolean hasRu = ru.find();
        boolean hasUa = ua.find();
        if (hasRu && hasUa) {
            return ru.start() < ua.start() ? "Russia" : "Ukraine";
        }
        return hasRu ? "Russia" : hasUa ? "Ukraine" : null;
    }

    private static List<String> matching(Map<String, Pattern> table, String clause) {
        String t = clause.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        table.forEach((name, p) -> {
            var m = p.matcher(t);
            if (m.find()) {
                int at = 0;
                while (at < positions.size() && positions.get(at) < m.start()) {
                    at++;
                }
                positions.add(at, m.start());
                found.add(at, name);
            }
        });
        return found;
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }
}
