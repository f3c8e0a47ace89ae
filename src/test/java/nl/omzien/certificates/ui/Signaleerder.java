package nl.omzien.certificates.ui;

import nl.omzien.certificates.Certificate;
import nl.omzien.certificates.CertificateService;
import nl.omzien.people.Audience;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;

/** The "signaleerder" certificate earned online (its three modules) by whoever is signed in. */
final class Signaleerder {

    private Signaleerder() {
    }

    static Certificate earn(TrainingService training, ModuleCatalog catalog, CertificateService certificates) {
        ModuleWalker walker = new ModuleWalker(training, catalog);
        walker.complete("herkennen", Audience.CHURCH);
        walker.complete("gesprek", Audience.CHURCH);
        walker.complete("doorverwijzen", Audience.CHURCH);
        return certificates.mine().stream().filter(c -> c.pathId().equals("signaleerder")).findFirst().orElseThrow();
    }
}
