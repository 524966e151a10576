package it.org.evcharging.central.arquillian;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Arquillian deployments made from the EAR the build packaged ({@code target/central-app.ear}), not
 * from a list of Central's classes: whatever module layout the EAR has (the web module, jars in
 * lib/), the test deploys exactly that. Test classes go into the web module, where Central's CDI
 * beans, persistence unit and JAX-RS application live.
 */
final class CentralEar {

    static final String WEB_MODULE = "central-web.war";

    private CentralEar() {
    }

    /** The packaged EAR, with {@code extraClasses} added to its web module. */
    static EnterpriseArchive with(Class<?>... extraClasses) {
        EnterpriseArchive ear = packaged();
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        web.addClasses(extraClasses);
        return ear;
    }

    /** As {@link #with}, the web module marked as where Arquillian runs the test (in-container tests). */
    static EnterpriseArchive inContainer(Class<?>... testClasses) {
        EnterpriseArchive ear = with(testClasses);
        Testable.archiveToTest(ear.getAsType(WebArchive.class, WEB_MODULE));
        // Arquillian's servlet protocol calls its runner at /<module name>/; the EAR serves the module at /.
        String applicationXml = read(ear.get("META-INF/application.xml").getAsset());
        ear.setApplicationXML(new StringAsset(applicationXml.replace("<context-root>/</context-root>",
                "<context-root>/" + WEB_MODULE.replace(".war", "") + "</context-root>")));
        return ear;
    }

    private static String read(Asset asset) {
        try (InputStream in = asset.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EnterpriseArchive packaged() {
        String path = System.getProperty("it.central.ear");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("Packaged EAR not found at " + path + ": run through Maven (./mvnw verify)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
    }

    /** Central's HTTP address in the Arquillian server (the reserved {@code it.arq.http.port}). */
    static URI baseUri() {
        return URI.create("http://localhost:" + Integer.parseInt(System.getProperty("it.arq.http.port")) + "/");
    }

    /** The Monitor acceptor's port of the Arquillian server's Central. */
    static int acceptorPort() {
        return Integer.parseInt(System.getProperty("it.arq.acceptor.port"));
    }
}
