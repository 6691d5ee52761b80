package org.pkcn.exchange.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as docker/Dockerfile starts it: the jar extracted by Spring Boot's {@code jarmode=tools}, and a
 * class-data archive written by a training run that stops once the application context is refreshed. The JVM
 * then maps the classes it would otherwise read, verify and parse on every start.
 */
final class ClassDataArchive {

    private final Path jar;
    private final Path archive;

    private ClassDataArchive(Path jar, Path archive) {
        this.jar = jar;
        this.archive = archive;
    }

    /** Extracts {@code packagedJar} into {@code directory} and trains the archive there (about 25 s). */
    static ClassDataArchive trainedFor(Path packagedJar, String heap, Path where) throws Exception {
        // Absolute: the commands run in that directory.
        Path directory = where.toAbsolutePath();
        Path extracted = directory.resolve("app");
        run(directory, List.of(java(), "-Djarmode=tools", "-jar", packagedJar.toAbsolutePath().toString(),
                "extract", "--force", "--destination", extracted.toString()));
        Path jar = extracted.resolve(packagedJar.getFileName());
        Path archive = directory.resolve("app.jsa");
        Files.deleteIfExists(archive);
        // An in-memory database: the training run must not leave one behind, and loads the same classes.
        run(directory, List.of(java(), "-Xmx" + heap, "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh", "-jar", jar.toString(),
                "--spring.datasource.url=jdbc:h2:mem:training", "--logging.level.root=WARN"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no class-data archive; see " + directory);
        }
        return new ClassDataArchive(jar, archive);
    }

    /** Starts the extracted jar with the archive, as the image does, and waits until it is ready. */
    ServiceProcess start(Path workDir, List<String> arguments, String heap) throws Exception {
        // -Xshare:on: a start that cannot map the archive fails instead of being timed as if it had.
        return new ServiceProcess(jar, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"), workDir, arguments, heap);
    }

    private static void run(Path directory, List<String> command) throws Exception {
        Files.createDirectories(directory);
        Path log = directory.resolve("training.log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("timed out: " + String.join(" ", command) + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command)
                    + "; see " + log);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
