package nl.omzien.certificates;

import nl.omzien.people.DemoPeople;

/** This feature's part of the demo story ({@code nl.omzien.demo.DemoData}); writes only this feature's tables. */
public interface CertificatesDemo {

    /**
     * Made-up logos for the two demo municipalities, put through the same checks and drawing as an upload;
     * before the training history, so its certificates show them. Only while no municipality has one.
     */
    void municipalityLogos(DemoPeople people);

    /**
     * One certificate revoked by the Coevorden coalition lead, so the verify page's "revoked" state can be
     * seen; the other demo certificates come from the training history. Once (while none is revoked).
     */
    void oneRevokedCertificate(DemoPeople people);
}
