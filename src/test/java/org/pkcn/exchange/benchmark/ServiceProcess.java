package org.pkcn.exchange.benchmark;

import static org.pkcn.exchange.BasicAuth.basic;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged application as a separate process: {@code java -Xmx512m -jar target/exchange-approval-*.jar}. */
final class ServiceProcess implements AutoCloseable {

    final int port;
    final Process process;
    final double secondsToReady;
    final Path log;
    private final ProcessCpu cpu;

    ServiceProcess(Path jar, Path workDir, List<String> arguments, String heap) throws Exception {
        this(jar, List.of(), workDir, arguments, heap);
    }

    ServiceProcess(Path jar, List<String> jvmOptions, Path workDir, List<String> arguments, String heap)
            throws Exception {
        port = freePort();
        log = newLog(workDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        command.addAll(jvmOptions);
        // bench.jvm.args: extra JVM options, e.g. -XX:StartFlightRecording=filename=rush.jfr to see where time goes.
        String jvmArgs = System.getProperty("bench.jvm.args", "").trim();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--logging.level.root=WARN", "--logging.level.org.springframework.boot.web=INFO"));
        command.addAll(arguments);
        long start = System.nanoTime();
        // The working directory holds no "processes" folder: the jar's own copy of the models is deployed.
        process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        cpu = new ProcessCpu(process.pid());
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // Ready: accounts created and the models deployed (both happen once the application has started).
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/engine-rest/process-definition/count?key=exchange-proposal"))
                .header("Authorization", basic("admin", "demo")).timeout(Duration.ofSeconds(5)).build();
        int readyWithin = Integer.getInteger("bench.ready.timeout", 600);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(readyWithin);
        try {
            awaitReady(http, probe, deadline, readyWithin);
        } catch (Exception notReady) {
            process.destroyForcibly().waitFor();
            throw notReady;
        }
        secondsToReady = (System.nanoTime() - start) / 1e9;
    }

    /** service.log, then service-2.log, ...: a restart on the same folder keeps the log of the start before it. */
    private static Path newLog(Path workDir) {
        Path log = workDir.resolve("service.log");
        for (int start = 2; Files.exists(log); start++) {
            log = workDir.resolve("service-" + start + ".log");
        }
        return log;
    }

    private void awaitReady(HttpClient http, HttpRequest probe, long deadline, int readyWithin) throws Exception {
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited during start-up; see " + log + "\n" + tail());
            }
            try {
                HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && !answer.body().contains("\"count\":0")) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the service was not ready within " + readyWithin + " s; see " + log);
            }
            Thread.sleep(100);
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Resident set size from /proc (Linux), in MB. */
    double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /**
     * CPU time the service has used so far (user + system, /proc/&lt;pid&gt;/stat), in seconds. Per request it is a
     * steadier measure than the wall clock on a shared machine: another build slows the service down, but does
     * not make it do more work.
     */
    double cpuSeconds() throws IOException {
        return cpu.seconds();
    }

    /** The CPU used so far with the JIT compilers' share of it. */
    ProcessCpu.Reading cpuReading() throws IOException {
        return cpu.read();
    }

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    /** Heap in use, in MB, from {@code jcmd <pid> GC.heap_info} (no JMX). */
    double heapUsedMb() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(30, TimeUnit.SECONDS);
        Matcher matcher = HEAP_USED.matcher(out);
        return matcher.find() ? Long.parseLong(matcher.group(2)) / 1024.0 : Double.NaN;
    }

    boolean outOfMemory() throws IOException {
        return Files.readString(log).contains("OutOfMemoryError");
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
