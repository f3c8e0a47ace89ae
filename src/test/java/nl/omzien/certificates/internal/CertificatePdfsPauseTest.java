package nl.omzien.certificates.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificatePdfsPauseTest {

    @Test
    void thePauseBetweenRetriesDoublesUpToSixHours() {
        assertThat(CertificatePdfs.pauseAfter(1)).hasMinutes(1);
        assertThat(CertificatePdfs.pauseAfter(2)).hasMinutes(2);
        assertThat(CertificatePdfs.pauseAfter(5)).hasMinutes(16);
        assertThat(CertificatePdfs.pauseAfter(9)).hasHours(4);
        assertThat(CertificatePdfs.pauseAfter(10)).hasHours(6);
        assertThat(CertificatePdfs.pauseAfter(200)).hasHours(6);
    }
}
