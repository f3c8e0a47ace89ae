package nl.omzien.contacts;

import nl.omzien.base.MunicipalityId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The contacts of one municipality, in card order (kind, then name). */
public record MunicipalityContacts(MunicipalityId municipalityId, String municipalityName, List<LocalContact> contacts) {

    /** Contacts of one kern; {@code kern} null: those for the whole municipality. */
    public record KernGroup(String kern, List<LocalContact> contacts) {
    }

    /**
     * The contacts grouped by kern, nearest first (issue 21): those of {@code village} (the learner's
     * organisation's kern, may be null), then those for the whole municipality, then the other kernen by name.
     * Within a group the card order stays.
     */
    public List<KernGroup> byKern(String village) {
        Map<String, List<LocalContact>> others = new LinkedHashMap<>();
        List<LocalContact> own = new ArrayList<>();
        List<LocalContact> everywhere = new ArrayList<>();
        String ownName = null;
        for (LocalContact c : contacts) {
            if (c.kern() == null) {
                everywhere.add(c);
            } else if (c.servesKern(village)) {
                own.add(c);
                ownName = c.kern();
            } else {
                others.computeIfAbsent(c.kern().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
            }
        }
        List<KernGroup> groups = new ArrayList<>();
        if (!own.isEmpty()) {
            groups.add(new KernGroup(ownName, own));
        }
        if (!everywhere.isEmpty()) {
            groups.add(new KernGroup(null, everywhere));
        }
        others.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> groups.add(new KernGroup(e.getValue().getFirst().kern(), e.getValue())));
        return groups;
    }

    /** The same contacts, nearest to {@code village} first (see {@link #byKern}). */
    public MunicipalityContacts nearestFirst(String village) {
        return new MunicipalityContacts(municipalityId, municipalityName,
                byKern(village).stream().flatMap(g -> g.contacts().stream()).toList());
    }

    /** The kernen the contacts name, sorted; for the form's suggestions. */
    public List<String> kernen() {
        return contacts.stream().map(LocalContact::kern).filter(k -> k != null).distinct()
                .sorted(Comparator.comparing(k -> k.toLowerCase(Locale.ROOT))).toList();
    }
}
