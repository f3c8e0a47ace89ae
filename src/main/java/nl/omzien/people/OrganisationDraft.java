package nl.omzien.people;

import nl.omzien.base.OrganisationId;

/** An organisation being created or edited in a form. */
public class OrganisationDraft {
    private OrganisationId id;
    private Municipality municipality;
    private String name = "";
    private Sector sector;
    private String contactEmail = "";
    private String village = "";

    public static OrganisationDraft of(Organisation organisation, Municipality municipality) {
        OrganisationDraft draft = new OrganisationDraft();
        draft.id = organisation.id();
        draft.municipality = municipality;
        draft.name = organisation.name();
        draft.sector = organisation.sector();
        draft.contactEmail = organisation.contactEmail() == null ? "" : organisation.contactEmail();
        draft.village = organisation.village() == null ? "" : organisation.village();
        return draft;
    }

    public OrganisationId getId() { return id; }
    public Municipality getMunicipality() { return municipality; }
    public void setMunicipality(Municipality municipality) { this.municipality = municipality; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Sector getSector() { return sector; }
    public void setSector(Sector sector) { this.sector = sector; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getVillage() { return village; }
    public void setVillage(String village) { this.village = village; }
}
