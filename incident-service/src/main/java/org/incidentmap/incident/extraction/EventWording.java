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

    /** The same weapons and targets in Ukrainian and Russian, by word stems (both languages inflect). */
    private static final Map<String, Pattern> SLAVIC_WEAPONS = new LinkedHashMap<>();
    private static final Map<String, Pattern> SLAVIC_TARGETS = new LinkedHashMap<>();

    static {
        SLAVIC_WEAPONS.put("glide bomb", Pattern.compile("(?<!\\p{L})(?:каб(?:и|ів|ами|ам|ах|ов)?(?!\\p{L})|"
                + "керован\\p{L}* (?:авіа)?бомб|управляем\\p{L}* (?:авиа)?бомб)"));
        SLAVIC_WEAPONS.put("air strike", stems("авіаудар|авиаудар|авіабомб|авиабомб|авіаці|авиаци"));
        SLAVIC_WEAPONS.put("drone", stems("дрон|безпілотн|беспилотн|бпла|бпла|шахед|fpv|гера(?:нь|ни)|ударн\\p{L}* бпла"));
        SLAVIC_WEAPONS.put("missile", stems("ракет|іскандер|искандер|балістичн|баллистическ|крилат|крылат|калібр|"
                + "калибр|кинджал|кинжал"));
        SLAVIC_WEAPONS.put("rocket", stems("рсзв|рсзо|хаймарс|himars"));
        SLAVIC_WEAPONS.put("shelling", stems("обстріл|обстрел|артилер|артиллер|мінометн|миномет|снаряд|гармат"));
        SLAVIC_WEAPONS.put("landmine", stems("вибухов\\p{L}* пристр|взрывн\\p{L}* устройств|підірва|подорва|"
                + "міну(?!\\p{L})|мину(?!\\p{L})|міна(?!\\p{L})|мина(?!\\p{L})"));

        SLAVIC_TARGETS.put("residential building", stems("житлов|багатоповерх|приватн\\p{L}* будин|будин|жил\\p{L}* "
                + "дом|многоэтаж|частн\\p{L}* дом|квартир|п'ятиповерх|пятиэтаж|дев'ятиповерх|девятиэтаж"));
        SLAVIC_TARGETS.put("energy infrastructure", stems("енергет|енергооб|підстанц|подстанц|електропередач|"
                + "электропередач|енергосистем|энергет|тец|тэц|теплоелектро|газопровод|газов\\p{L}* інфраструкт"));
        SLAVIC_TARGETS.put("hospital", stems("лікарн|больниц|медзаклад|медичн\\p{L}* заклад|поліклінік|поликлиник"));
        SLAVIC_TARGETS.put("educational facility", stems("школ|дитяч\\p{L}* сад|садоч|університет|университет|"
                + "ліцей|лицей|детск\\p{L}* сад"));
        SLAVIC_TARGETS.put("oil facility", stems("нафтобаз|нефтебаз|нпз|нафтопереробн|нефтеперераб|паливн|топливн"));
        SLAVIC_TARGETS.put("railway", stems("залізни|железнодорож|вокзал|потяг|поїзд|поезд|локомотив"));
        SLAVIC_TARGETS.put("port", stems("порт(?:у|ом|і|а)?(?!\\p{L})|портов"));
        SLAVIC_TARGETS.put("civilian vehicle", stems("автомобіл|автомобил|автівк|маршрутк|автобус|вантажівк|"
                + "грузовик|легков"));
        SLAVIC_TARGETS.put("commercial facility", stems("магазин|ринок|ринку|рынок|рынке|торгов|кафе|азс|супермаркет"));
        SLAVIC_TARGETS.put("industrial facility", stems("підприємств|предприяти|завод|склад|фабрик|промислов|"
                + "промышлен"));
        SLAVIC_TARGETS.put("airfield", stems("аеродром|аэродром|аеропорт|аэропорт"));
        SLAVIC_TARGETS.put("religious site", stems("церкв|храм|собор|монастир|монастыр"));
        SLAVIC_TARGETS.put("civilian infrastructure", stems("інфраструктур|инфраструктур|адміністративн|"
                + "административн"));
    }

    private static final Pattern SLAVIC_ATTACK = stems("удар|вдари|вдарив|атак|обстріл|обстрел|влучан|влучил|влучив|"
            + "поцілил|вибух|взрыв|приліт|прильот|прилет|пошкодж|поврежд|зруйн|разруш|скинул|сбросил|пожеж|пожар|"
            + "горить|горит|завал");
    private static final Pattern SLAVIC_RUSSIAN_SIDE = stems("російськ\\p{L}* (?:військ|ракет|дрон|удар|армі|"
            + "окупант|безпілотн)|ворог|окупант|рф(?!\\p{L})|росі(?:я|йськ)|российск\\p{L}* (?:войск|ракет|дрон|"
            + "удар|арми|беспилотн)|рф(?!\\p{L})");
    private static final Pattern SLAVIC_UKRAINIAN_SIDE = stems("зсу(?!\\p{L})|всу(?!\\p{L})|украинск\\p{L}* "
            + "(?:дрон|ракет|удар|беспилотн|войск|боевик)|українськ\\p{L}* (?:дрон|ракет|удар|безпілотн)|"
            + "киевск\\p{L}* режим");

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
        List<String> found = matching(WEAPONS, clause);
        return found.isEmpty() ? matching(SLAVIC_WEAPONS, clause) : found;
    }

    static List<String> targets(String clause) {
        List<String> found = matching(TARGETS, clause);
        return found.isEmpty() ? matching(SLAVIC_TARGETS, clause) : found;
    }

    static boolean mentionsAttack(String clause) {
        String t = clause.toLowerCase(Locale.ROOT);
        return ATTACK.matcher(t).find() || SLAVIC_ATTACK.matcher(t).find() || !weapons(clause).isEmpty();
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
        if (!hasRu && !hasUa) {
            ru = SLAVIC_RUSSIAN_SIDE.matcher(t);
            ua = SLAVIC_UKRAINIAN_SIDE.matcher(t);
            hasRu = ru.find();
            hasUa = ua.find();
        }
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

    private static Pattern stems(String alternatives) {
        return Pattern.compile("(?<!\\p{L})(?:" + alternatives + ")\\p{L}*");
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }
}
