package org.pkcn.exchange.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    static final String FORMS_PREFIX = "forms/";

    ModelSet {
        resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }

    /** Reads the folders when they exist; otherwise the copy packaged in the jar under {@code models/}. */
    static ModelSet load(ModelProperties properties) {
        if (Files.isDirectory(properties.processesDir())) {
            Map<String, byte[]> resources = new LinkedHashMap<>();
            readFolder(properties.processesDir(), "", MODEL_SUFFIXES, resources);
            if (Files.isDirectory(properties.formsDir())) {
                readFolder(properties.formsDir(), FORMS_PREFIX, List.of(FORM_SUFFIX), resources);
            }
            return new ModelSet("folder " + properties.processesDir().toAbsolutePath().normalize(), resources);
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        readClasspath("models/processes/", "", MODEL_SUFFIXES, resources);
        readClasspath("models/forms/", FORMS_PREFIX, List.of(FORM_SUFFIX), resources);
        return new ModelSet("packaged copy", resources);
    }

    /**
     * The name a file sent by the Modeler or the upload page has in the set: forms under {@code forms/}, models at
     * the top, whatever folder the sender had them in. Null when the file is not a model, decision table or form.
     */
    static String nameInSet(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        if (!base.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,120}")) {
            return null;
        }
        if (base.endsWith(FORM_SUFFIX)) {
            return FORMS_PREFIX + base;
        }
        return MODEL_SUFFIXES.stream().anyMatch(base::endsWith) ? base : null;
    }

    /** This set with the given files added or put in place of the files of the same name. */
    ModelSet with(String origin, Map<String, byte[]> replacements) {
        Map<String, byte[]> merged = new LinkedHashMap<>(resources);
        merged.putAll(replacements);
        return new ModelSet(origin, merged);
    }

    boolean sameFilesAs(Map<String, byte[]> other) {
        return resources.keySet().equals(other.keySet())
                && resources.entrySet().stream().allMatch(file -> Arrays.equals(file.getValue(), other.get(file.getKey())));
    }

    /** The files of this set that are new or differ from the other set. */
    List<String> changedComparedTo(Map<String, byte[]> other) {
        return resources.entrySet().stream()
                .filter(file -> !Arrays.equals(file.getValue(), other.get(file.getKey())))
                .map(Map.Entry::getKey).toList();
    }

    /** SHA-256 over the names and contents, independent of order: the same files give the same checksum. */
    String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : new TreeMap<>(resources).entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String name) {
        byte[] content = resources.get(name);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
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
