package org.pkcn.exchange.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the application reads, for checking a deployment's environment against it: the keys of its own
 * application*.properties, the ${NAMES} those files look up, and every key described by the configuration
 * metadata on the classpath (Spring Boot's, Camunda's, and this application's own @ConfigurationProperties).
 */
final class ApplicationSettings {

    static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

    private final Map<String, Properties> files = new LinkedHashMap<>();
    private final Set<String> keys = new TreeSet<>();
    private final Set<String> placeholders = new TreeSet<>();

    ApplicationSettings() {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(RESOURCES, "application*.properties")) {
            for (Path file : found) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
                files.put(file.getFileName().toString(), properties);
                keys.addAll(properties.stringPropertyNames());
                properties.values().forEach(value -> PLACEHOLDER.matcher(value.toString()).results()
                        .forEach(placeholder -> placeholders.add(placeholder.group(1))));
            }
            for (Resource metadata : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/*spring-configuration-metadata.json")) {
                try (InputStream in = metadata.getInputStream()) {
                    JsonNode properties = new ObjectMapper().readTree(in).path("properties");
                    properties.forEach(property -> keys.add(property.path("name").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the environment variable binds to a key the application reads, or is a ${NAME} it looks up. */
    boolean reads(String variable) {
        var asEnvironment = new SystemEnvironmentPropertySource("environment", Map.of(variable, "set"));
        if (placeholders.stream().anyMatch(asEnvironment::containsProperty)) {
            return true;
        }
        ConfigurationPropertySource bound = ConfigurationPropertySource.from(asEnvironment);
        return keys.stream().filter(ConfigurationPropertyName::isValid)
                .anyMatch(key -> bound.getConfigurationProperty(ConfigurationPropertyName.of(key)) != null);
    }

    /** The keys set in application.properties and in the files of the given profiles. */
    Set<String> keysOf(List<String> profiles) {
        Set<String> set = new TreeSet<>(file("application.properties").stringPropertyNames());
        profiles.forEach(profile -> set.addAll(file("application-" + profile + ".properties").stringPropertyNames()));
        return set;
    }

    /**
     * The application's settings as a container with this environment sees them: the environment first, then
     * the profiles' files (the later profile wins), then application.properties; relaxed binding as in Spring Boot.
     */
    StandardEnvironment resolve(Map<String, String> containerEnvironment) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(containerEnvironment)));
        List<String> profiles = profilesOf(environment);
        for (int i = profiles.size() - 1; i >= 0; i--) {
            String name = "application-" + profiles.get(i) + ".properties";
            sources.addLast(new PropertiesPropertySource(name, file(name)));
        }
        sources.addLast(new PropertiesPropertySource("application.properties", file("application.properties")));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    static List<String> profilesOf(StandardEnvironment environment) {
        String active = environment.getProperty("spring.profiles.active", "");
        List<String> profiles = new ArrayList<>();
        for (String profile : active.split(",")) {
            if (!profile.isBlank()) {
                profiles.add(profile.trim());
            }
        }
        return profiles;
    }

    private Properties file(String name) {
        Properties properties = files.get(name);
        if (properties == null) {
            throw new IllegalArgumentException("No " + name + " in " + RESOURCES);
        }
        return properties;
    }
}
