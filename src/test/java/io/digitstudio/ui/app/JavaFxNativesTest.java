package io.digitstudio.ui.app;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's JavaFX libraries lie beside JavaFX's jar in lib/: JavaFX's loader looks in the folder of the jar that holds
 * it before anything else, and otherwise reads each library out of the jar at every start to compare it with the copy
 * it unpacked under ~/.openjfx (an MD5 of each, twice, before the window).
 */
class JavaFxNativesTest {
    @Test
    void theBuildUnpacksEveryLibraryOfJavaFxsGraphicsJarBesideIt() throws Exception {
        // the jar whose folder JavaFX's loader looks in: the one that holds the loader
        Class<?> loader = Class.forName("com.sun.glass.utils.NativeLibLoader", false, getClass().getClassLoader());
        File jar = new File(loader.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> libraries;
        try (ZipFile zip = new ZipFile(jar)) {
            libraries = zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".so")).toList();
        }
        assertFalse(libraries.isEmpty(), jar + " holds JavaFX's libraries");
        assertTrue(libraries.stream().noneMatch(n -> n.contains("/")), "at the jar's root, where the build's pattern takes them: " + libraries);

        Element pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
        Element unpack = execution(pom, "javafx-natives");
        assertNotNull(unpack, "the build unpacks JavaFX's libraries (execution javafx-natives)");
        assertEquals("package", text(unpack, "phase"));
        assertEquals("*.so", text(unpack, "includes"));
        // beside the jars the manifest's class path names (lib/, which copy-dependencies fills)
        assertEquals("${project.build.directory}/lib", text(unpack, "outputDirectory"));
        String version = text(pom, "javafx.version");
        assertEquals("javafx-graphics-" + version + "-" + text(unpack, "classifier") + ".jar", jar.getName(),
                "the build unpacks the jar the app runs with");
        assertEquals("javafx-graphics", text(unpack, "artifactId"));
    }

    private static Element execution(Element pom, String id) {
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element e = (Element) executions.item(i);
            if (id.equals(text(e, "id"))) return e;
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }
}
