package nl.omzien.campaigns.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.people.Municipality;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The municipality's part of the public agenda's address: its name in lower case without accents, spaces as dashes
 * ({@code /agenda/hof-van-twente}). A name that would give an address already taken gets its id appended.
 */
@Component
public class AgendaSlugs {

    private final JooqCampaignRepository repository;

    AgendaSlugs(JooqCampaignRepository repository) {
        this.repository = repository;
    }

    static String slug(String name) {
        String slug = nl.omzien.base.Slugs.of(name);
        return slug.isEmpty() ? "gemeente" : slug;
    }

    private Map<String, Municipality> all() {
        Map<String, Municipality> bySlug = new LinkedHashMap<>();
        repository.municipalities().forEach((id, name) -> {
            String slug = slug(name);
            bySlug.put(bySlug.containsKey(slug) ? slug + "-" + id : slug, new Municipality(id, name));
        });
        return bySlug;
    }

    public Optional<Municipality> municipalityOf(String slug) {
        return slug == null ? Optional.empty() : Optional.ofNullable(all().get(slug.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> slugOf(MunicipalityId municipalityId) {
        return all().entrySet().stream().filter(e -> e.getValue().id().equals(municipalityId)).map(Map.Entry::getKey)
                .findFirst();
    }
}
