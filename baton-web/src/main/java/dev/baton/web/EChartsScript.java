package dev.baton.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Apache ECharts' minified script, read from the {@code org.webjars.npm:echarts} WebJar on the class path, for pages
 * that must work offline: the HTML report inlines it, the server's trace viewer serves it. One place knows where the
 * WebJar keeps it, so the version is set once, in the parent POM.
 */
public final class EChartsScript {

    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private EChartsScript() {
    }

    /** Returns the ECharts version on the class path, for example {@code 5.3.1}. */
    public static String version() {
        return Holder.VERSION;
    }

    /**
     * Returns the whole minified script (about 1 MB), read once.
     *
     * @throws IllegalStateException when the WebJar is missing from the class path (a packaging bug)
     */
    public static String source() {
        return Holder.SOURCE;
    }

    /** Loads on first use only, so a server that never shows a chart never reads the megabyte. */
    private static final class Holder {
        static final String VERSION = readVersion();
        static final String SOURCE = readSource(VERSION);

        private static String readVersion() {
            Properties properties = new Properties();
            try (InputStream in = open(POM_PROPERTIES)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String version = properties.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException(POM_PROPERTIES + " names no version");
            }
            return version.strip();
        }

        private static String readSource(String version) {
            String path = "META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js";
            try (InputStream in = open(path)) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // Inlined into a <script> element, this would end the element early and spill script into the page.
                if (script.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                    throw new IllegalStateException(path + " contains '</script' and cannot be inlined");
                }
                return script;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static InputStream open(String path) {
            InputStream in = EChartsScript.class.getClassLoader().getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("the ECharts WebJar is not on the class path: " + path + " is missing");
            }
            return in;
        }
    }
}
