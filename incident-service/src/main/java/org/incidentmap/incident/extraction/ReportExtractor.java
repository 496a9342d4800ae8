package org.incidentmap.incident.extraction;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a report into proposed incidents and claims. Plain Java with no I/O of its own: places come
 * from the {@link MentionResolver}. The README's "Report extraction" section describes the rules.
 *
 * <p>Pipeline: ICU sentences, split into clauses at "while", "but", ";" → per clause, casualty figures,
 * place mentions, date, weapon/target/side → figures in totals or enemy-loss wording become claims, figures
 * with an incident place become candidates, figures without one join the incident of the sentence before
 * → candidates at the same place on the same day merge.
 */
public final class ReportExtractor {

    /** Countries whose places can carry a marker on this war's map. */
    public static final Set<String> DEFAULT_MAP_COUNTRIES = Set.of("UA", "RU");
    /** "Yesterday" and "overnight" in the reports mean the local days of the places they describe. */
    static final ZoneId WAR_ZONE_TIME = ZoneId.of("Europe/Kiev");
    /** A clause without a place can continue the incident at most this many sentences back. */
    private static final int CONTINUATION_SENTENCES = 1;
    /** A clause pointing back at the place just named. */
    private static final Pattern ANAPHORA = Pattern.compile(
            "\\b(?:the|that|this) (?:town|city|village|settlement|region|area)(?:’s|'s)?\\b|(?<!\\p{L})(?:міст|місці|"
                    + "селищ|сел(?:о|а|і|у)(?!\\p{L})|громад|город|поселк|поселок|сел(?:е|ом)(?!\\p{L}))");

    private final MentionResolver resolver;
    private final Set<String> mapCountries;

    public ReportExtractor(MentionResolver resolver) {
        this(resolver, DEFAULT_MAP_COUNTRIES);
    }

    public ReportExtractor(MentionResolver resolver, Set<String> mapCountries) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.mapCountries = Set.copyOf(mapCountries);
    }

    public Extraction extract(Report report) {
        return extract(report, Detector.INSTANCE.detect(report.text()));
    }

    /** Extraction of a report whose language is known. */
    public Extraction extract(Report report, Language language) {
        String text = report.text();
        LocalDate published = report.publishedAt().atZone(WAR_ZONE_TIME).toLocalDate();
        List<Span> sentences = Span.sentences(text, language);
        List<List<ClauseFacts>> facts = new ArrayList<>();
        List<PlaceMention> mentions = new ArrayList<>();
        List<IgnoredMention> ignored = new ArrayList<>();
        Morphology morphology = language.slavic() ? Morphology.lookup(language) : null;
        for (Span sentence : sentences) {
            List<ClauseFacts> clauses = new ArrayList<>();
            for (Span clause : sentence.clauses(text, language)) {
                List<Token> tokens = Token.split(text, clause.start(), clause.end());
                if (language.slavic()) {
                    SlavicMentionFinder.find(text, tokens, morphology, mentions);
                    clauses.add(new ClauseFacts(clause, SlavicCasualtyReader.read(tokens, morphology)));
                } else {
                    MentionFinder.find(text, tokens, mentions, ignored);
                    clauses.add(new ClauseFacts(clause, CasualtyReader.read(text, tokens)));
                }
            }
            facts.add(clauses);
        }
        Map<Integer, ResolvedPlace> places = new HashMap<>();
        // a resolver may find names the extractor did not propose (inflected Cyrillic names above all)
        for (ResolvedPlace p : resolver.resolve(text, List.copyOf(mentions))) {
            places.put(p.mention().start(), p);
        }
        // "Two people were injured": a word that is a casualty count is never a place name
        for (List<ClauseFacts> sentence : facts) {
            for (ClauseFacts clause : sentence) {
                clause.casualties().forEach(c -> places.remove(c.start()));
            }
        }
        // a resolver that finds names itself must not bring back a venue or a grouping we set aside
        places.values().removeIf(p -> ignored.stream().anyMatch(
                i -> i.mention().start() < p.mention().end() && p.mention().start() < i.mention().end()));
        return new Pass(text, published, places, language).run(sentences, facts, ignored);
    }

    /** Lingua's models load once per process, on the first report. */
    private static final class Detector {
        static final LanguageDetection INSTANCE = new LanguageDetection();
    }

    private record ClauseFacts(Span span, List<Casualty> casualties) {
    }

    /** One walk through the report, carrying the last date and the last incident forward. */
    private final class Pass {
        private final String text;
        private final LocalDate published;
        private final Map<Integer, ResolvedPlace> places;
        private final List<CandidateDraft> drafts = new ArrayList<>();
        private final List<ExtractedClaim> claims = new ArrayList<>();
        private LocalDate carriedDate;
        /** The last incident place named, for "Six people were killed" or "the town's station" after it. */
        private ResolvedPlace lastPlace;
        private int lastPlaceSentence;
        private final List<ResolvedPlace> namedPlaces = new ArrayList<>();
        private final Language language;
        /** The report's own author when it signs or names one ("#ДСНС", "Іван Федоров, начальник ОВА"). */
        private final String reportClaimant;

        Pass(String text, LocalDate published, Map<Integer, ResolvedPlace> places, Language language) {
            this.text = text;
            this.published = published;
            this.places = places;
            this.language = language;
            this.reportClaimant = ClaimantFinder.find(text, language);
        }

        Extraction run(List<Span> sentences, List<List<ClauseFacts>> facts, List<IgnoredMention> ignored) {
            for (int s = 0; s < sentences.size(); s++) {
                Span sentence = sentences.get(s);
                String sentenceText = sentence.of(text);
                boolean aggregate = NonIncidentFigures.isAggregate(sentenceText);
                for (ClauseFacts clause : facts.get(s)) {
                    clause(s, sentence, sentenceText, aggregate, clause);
                }
            }
            return new Extraction(merged(), List.copyOf(claims), List.copyOf(ignored), language);
        }

        private void clause(int sentenceIndex, Span sentence, String sentenceText, boolean aggregate,
                ClauseFacts clause) {
            String clauseText = clause.span().of(text);
            Optional<LocalDate> stated = DateResolver.find(clauseText, published, language);
            stated.ifPresent(d -> carriedDate = d);
            EventDate date = stated.or(() -> Optional.ofNullable(carriedDate))
                    .map(d -> new EventDate(d, 1)).orElse(new EventDate(published, 2));
            String claimant = Optional.ofNullable(ClaimantFinder.find(clauseText, language))
                    .orElseGet(() -> ClaimantFinder.find(sentenceText, language));
            String intercepted = NonIncidentFigures.interceptedFigure(clauseText);
            if (intercepted != null) {
                claims.add(claim(ClaimKind.INTERCEPTIONS, claimant, List.of(), intercepted, sentence));
            }
            List<Casualty> civilian = new ArrayList<>();
            List<Casualty> military = new ArrayList<>();
            for (Casualty c : clause.casualties()) {
                (c.subject() == Casualty.Subject.MILITARY ? military : civilian).add(c);
            }
            if (aggregate) {
                if (!clause.casualties().isEmpty()) {
                    claims.add(claim(ClaimKind.AGGREGATE_TOTAL, claimant, clause.casualties(), null, sentence));
                }
                return;
            }
            if (!military.isEmpty()) {
                claims.add(claim(ClaimKind.MILITARY_LOSSES, claimant, military, null, sentence));
            }
            List<ResolvedPlace> incidentPlaces = incidentPlaces(clause);
            Evidence evidence = new Evidence(sentence.start(), sentence.end(), sentenceText);
            boolean attack = EventWording.mentionsAttack(clauseText);
            // a strike with no figures is still an incident (casualties unknown) when it names what hit or what was hit
            boolean strikeOnSomething = attack && intercepted == null && (!EventWording.targets(clauseText).isEmpty()
                    || !EventWording.weapons(clauseText).isEmpty());
            if (!incidentPlaces.isEmpty()) {
                namedPlaces.addAll(incidentPlaces);
                lastPlace = incidentPlaces.get(incidentPlaces.size() - 1);
                lastPlaceSentence = sentenceIndex;
                if (!civilian.isEmpty()) {
                    drafts.add(draft(primary(incidentPlaces, civilian), sentenceIndex, evidence, clauseText, claimant,
                            civilian, date));
                } else if (strikeOnSomething) {
                    // "hit a chemical plant in Bryansk and an oil refinery in Saratov": one strike each
                    for (ResolvedPlace p : incidentPlaces) {
                        drafts.add(draft(p, sentenceIndex, evidence, clauseText, claimant, civilian, date));
                    }
                }
                return;
            }
            // a post about one place ("❗️Запоріжжя. … загинули 11 людей") keeps it until another place is named
            boolean recentPlace = lastPlace != null && (sentenceIndex - lastPlaceSentence <= CONTINUATION_SENTENCES
                    || onePlaceSoFar());
            if (civilian.isEmpty()) {
                if (strikeOnSomething && recentPlace && ANAPHORA.matcher(clauseText).find()) {
                    drafts.add(draft(lastPlace, sentenceIndex, evidence, clauseText, claimant, civilian, date));
                }
                return;
            }
            CandidateDraft previous = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
            if (previous != null && sentenceIndex - previous.sentenceIndex <= CONTINUATION_SENTENCES) {
                drafts.add(draft(previous.place, sentenceIndex, evidence, clauseText, claimant, civilian,
                        previous.date));
            } else if (recentPlace) {
                drafts.add(draft(lastPlace, sentenceIndex, evidence, clauseText, claimant, civilian, date));
            } else {
                claims.add(claim(ClaimKind.UNPLACED, claimant, civilian, null, sentence));
            }
        }

        /** Every incident place named so far is the same place as the last one. */
        private boolean onePlaceSoFar() {
            return namedPlaces.stream().allMatch(p -> p.precision() == lastPlace.precision()
                    && Geo.km(p.lon(), p.lat(), lastPlace.lon(), lastPlace.lat()) < 1.0);
        }

        private List<ResolvedPlace> incidentPlaces(ClauseFacts clause) {
            // by span rather than by our mentions: a resolver may find names the extractor did not propose
            List<ResolvedPlace> found = new ArrayList<>();
            for (ResolvedPlace p : places.values()) {
                if (clause.span().contains(p.mention().start()) && p.incidentLocation()
                        && p.precision() != GeoPrecision.COUNTRY && mapCountries.contains(p.country())) {
                    found.add(p);
                }
            }
            found.sort(Comparator.comparingInt(p -> p.mention().start()));
            // "Kostiantynivka in the Donetsk region": the region only says where the town is
            found.removeIf(region -> region.precision() == GeoPrecision.REGION && found.stream().anyMatch(
                    town -> town.precision() == GeoPrecision.SETTLEMENT && Objects.equals(town.admin1(),
                            region.admin1())));
            return found;
        }

        /** The place named closest before the first figure, else the first place of the clause. */
        private ResolvedPlace primary(List<ResolvedPlace> candidates, List<Casualty> casualties) {
            if (casualties.isEmpty() || candidates.size() == 1) {
                return candidates.get(0);
            }
            int figureAt = casualties.get(0).start();
            ResolvedPlace best = null;
            for (ResolvedPlace p : candidates) {
                if (p.mention().start() < figureAt) {
                    best = p;
                }
            }
            return best != null ? best : candidates.get(0);
        }

        private CandidateDraft draft(ResolvedPlace place, int sentenceIndex, Evidence evidence, String clauseText,
                String claimant, List<Casualty> casualties, EventDate date) {
            CandidateDraft d = new CandidateDraft(place, sentenceIndex);
            d.addEvidence(evidence);
            d.claimant = claimant != null ? claimant : reportClaimant;
            d.addCasualties(casualties);
            d.date = date;
            List<String> weapons = EventWording.weapons(clauseText);
            d.weapons.addAll(weapons);
            d.targets.addAll(EventWording.targets(clauseText));
            EventWording.EventType type = EventWording.eventType(weapons, clauseText);
            d.eventType = type.eventType();
            d.subEventType = type.subEventType();
            d.actor = EventWording.actor(clauseText);
            return d;
        }

        private List<Candidate> merged() {
            List<CandidateDraft> kept = new ArrayList<>();
            for (CandidateDraft d : drafts) {
                Optional<CandidateDraft> same = kept.stream().filter(k -> k.samePlaceAndDay(d)).findFirst();
                if (same.isPresent()) {
                    same.get().absorb(d);
                } else {
                    kept.add(d);
                }
            }
            return kept.stream().filter(d -> kept.stream().noneMatch(d::summarisedBy))
                    .map(CandidateDraft::toCandidate).toList();
        }

        private ExtractedClaim claim(ClaimKind kind, String claimant, List<Casualty> casualties, String figure, Span sentence) {
            Integer killed = null;
            boolean killedAtLeast = false;
            Integer injured = null;
            boolean injuredAtLeast = false;
            for (Casualty c : casualties) {
                if (c.kind() == Casualty.Kind.KILLED && killed == null) {
                    killed = (int) c.count();
                    killedAtLeast = c.atLeast();
                } else if (c.kind() == Casualty.Kind.INJURED && injured == null) {
                    injured = (int) c.count();
                    injuredAtLeast = c.atLeast();
                }
            }
            return new ExtractedClaim(kind, claimant, killed, killedAtLeast, injured, injuredAtLeast, figure,
                    sentence.of(text), sentence.start(), sentence.end());
        }
    }
}
