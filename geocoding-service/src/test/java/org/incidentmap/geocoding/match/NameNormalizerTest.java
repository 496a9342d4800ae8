package org.incidentmap.geocoding.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    @Test
    void ukrainianCyrillicFollowsTheNational2010System() {
        assertThat(NameNormalizer.normalise("Запоріжжя")).contains("zaporizhzhia");
        assertThat(NameNormalizer.normalise("Миколаїв")).contains("mykolaiv");
        assertThat(NameNormalizer.normalise("Юр'ївка")).contains("yurivka");
        assertThat(NameNormalizer.normalise("Згурівка")).contains("zghurivka");
    }

    @Test
    void russianCyrillicFollowsTheOlderNewsStyle() {
        assertThat(NameNormalizer.normalise("Харьков")).contains("kharkov");
        assertThat(NameNormalizer.normalise("Николаев")).contains("nikolayev");
    }

    @Test
    void caseDiacriticsApostrophesAndHyphensAreFolded() {
        assertThat(NameNormalizer.fold("Yampil’")).isEqualTo("yampil");
        assertThat(NameNormalizer.fold("Ivano-Frankivs'k")).isEqualTo("ivano frankivsk");
        assertThat(NameNormalizer.fold("Łódź")).isEqualTo("lodz");
        assertThat(NameNormalizer.fold("Bilhorod-Dnistrovskyi")).isEqualTo(NameNormalizer.fold("BILHOROD DNISTROVSKYI"));
    }

    @Test
    void spellingFamiliesOfOnePlaceShareASkeleton() {
        assertSameSkeleton("Kharkiv", "Kharkov", "Kharkiw", "Харків", "Харьков");
        assertSameSkeleton("Kyiv", "Kiev", "Київ");
        assertSameSkeleton("Zaporizhzhia", "Zaporozhye", "Запоріжжя");
        assertSameSkeleton("Horlivka", "Gorlovka");
        assertSameSkeleton("Vinnytsia", "Vinnitsa");
        assertSameSkeleton("Sievierodonetsk", "Severodonetsk");
        assertSameSkeleton("Yampil", "Jampil", "Yampol");
    }

    private static void assertSameSkeleton(String... spellings) {
        Set<String> skeletons = new java.util.HashSet<>();
        for (String spelling : spellings) {
            skeletons.add(NameNormalizer.skeletons(NameNormalizer.normalise(spelling)).get(0));
        }
        assertThat(skeletons).as("skeletons of %s", List.of(spellings)).hasSize(1);
    }
}
