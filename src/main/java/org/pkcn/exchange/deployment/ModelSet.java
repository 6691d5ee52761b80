package org.pkcn.exchange.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The models that belong together, by the name the engine will know them under ({@code exchange-proposal.bpmn},
 * {@code forms/review-proposal.form}) with their content. Names are relative, never absolute paths, so the
 * same set from a folder or from the jar is the same set to the engine.
 */
record ModelSet(String origin, Map<String, byte[]> resources) {

    static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".dmn");
    static final String FORM_SUFFIX = ".form";

    /** Reads the folders when they exist; otherwise the copy packaged in the jar under {@code models/}. */
    static ModelSet load(ModelProperties properties) {
        if (Files.isDirectory(properties.processesDir())) {
            Map<String, byte[]> resources = new LinkedHashMap<>();
            readFolder(properties.processesDir(), "", MODEL_SUFFIXES, resources);
            if (Files.isDirectory(properties.formsDir())) {
                readFolder(properties.formsDir(), "forms/", List.of(FORM_SUFFIX), resources);
            }
            return new ModelSet("folder " + properties.processesDir().toAbsolutePath().normalize(), resources);
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        readClasspath("models/processes/", "", MODEL_SUFFIXES, resources);
        readClasspath("models/forms/", "forms/", List.of(FORM_SUFFIX), resources);
        return new ModelSet("packaged copy", resources);
    }

    private static void readFolder(Path folder, String prefix, List<String> suffixes, Map<String, byte[]> into) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && suffixes.stream().anyMatch(name::endsWith)) {
                    into.put(prefix + name, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models in " + folder, e);
        }
    }

    private static void readClasspath(String location, String prefix, List<String> suffixes, Map<String, byte[]> into) {
        var resolver = new PathMatchingResourcePatternResolver();
        try {
            List<Resource> found = new ArrayList<>(List.of(resolver.getResources("classpath*:" + location + "*")));
            found.sort(Comparator.comparing(Resource::getFilename, Comparator.nullsFirst(Comparator.naturalOrder())));
            for (Resource resource : found) {
                String name = resource.getFilename();
                if (name != null && suffixes.stream().anyMatch(name::endsWith)) {
                    try (InputStream in = resource.getInputStream()) {
                        into.put(prefix + name, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged models under " + location, e);
        }
    }
}
