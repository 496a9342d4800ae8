package org.incidentmap.geocoding.geoparse;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.incidentmap.geocoding.match.Candidate;
import org.incidentmap.geocoding.match.GeocodeQuery;
import org.incidentmap.geocoding.match.Geocoder;
import org.incidentmap.geocoding.match.NameNormalizer;

/**
 * Text in, place mentions out: candidate spans are resolved in one batch, each with the whole
 * text as context so that the other mentions disambiguate it, then judged as incident
 * locations or not.
 */
@ApplicationScoped
public class Geoparser {

    private final Geocoder geocoder;

    Geoparser(Geocoder geocoder) {
        this.geocoder = geocoder;
    }

    public Uni<List<Mention>> parse(String text) {
        List<MentionFinder.Span> spans = MentionFinder.find(text);
        if (spans.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<GeocodeQuery> queries = spans.stream().map(s -> new GeocodeQuery(s.text(), text, null)).toList();
        return geocoder.geocodeAll(queries, 1, false).map(results -> {
            List<Mention> mentions = new ArrayList<>();
            for (int i = 0; i < spans.size(); i++) {
                MentionFinder.Span span = spans.get(i);
                Candidate place = results.get(i).isEmpty() ? null : results.get(i).get(0);
                String folded = NameNormalizer.fold(span.text());
                var verdict = IncidentLocationRules.judge(text, span.start(), span.end(), folded,
                        place == null ? null : place.place().country());
                if (place == null && !IncidentLocationRules.looksLikePlace(text, span.start(), folded)) {
                    continue;
                }
                mentions.add(new Mention(span.text(), span.start(), span.end(), verdict.incidentLocation(),
                        verdict.reason(), place));
            }
            return mentions;
        });
    }
}
