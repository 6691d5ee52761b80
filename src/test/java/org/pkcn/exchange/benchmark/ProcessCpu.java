package org.pkcn.exchange.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time a process has used (user + system, from /proc on Linux), in seconds: all of it, and the share of its
 * JIT compiler threads. The share says whether a phase measured the code it ran or the compiling of it: a path the
 * warm-up did not take is compiled while it is measured, and on 2 cores that was half the service's CPU.
 */
final class ProcessCpu {

    /** sysconf(_SC_CLK_TCK): 100 on Linux for x86 and arm. */
    private static final int CLOCK_TICKS = 100;

    private final Path proc;

    ProcessCpu(long pid) {
        proc = Path.of("/proc", Long.toString(pid));
    }

    static ProcessCpu ofThisJvm() {
        return new ProcessCpu(ProcessHandle.current().pid());
    }

    /** The CPU used so far, in seconds: all of it, and what the JIT compilers used. */
    record Reading(double seconds, double compilerSeconds) {
    }

    /** CPU milliseconds per operation between two readings: all of it, and the JIT compilers' share. */
    record PerOperation(double millis, double compilerMillis) {

        static PerOperation between(Reading before, Reading after, long operations) {
            long count = Math.max(1, operations);
            return new PerOperation((after.seconds() - before.seconds()) * 1000 / count,
                    (after.compilerSeconds() - before.compilerSeconds()) * 1000 / count);
        }

        /** What a long run settles to, once the JIT has compiled what it runs. */
        double withoutCompilers() {
            return millis - compilerMillis;
        }
    }

    Reading read() throws IOException {
        return new Reading(seconds(), compilerSeconds());
    }

    double seconds() throws IOException {
        return ticks(proc.resolve("stat")) / (double) CLOCK_TICKS;
    }

    /**
     * The HotSpot compiler threads ("C1 CompilerThre", "C2 CompilerThre": /proc cuts names at 15 characters).
     * HotSpot may stop an idle extra compiler thread, whose time then leaves this sum: read it as "at least".
     */
    private double compilerSeconds() throws IOException {
        try (Stream<Path> threads = Files.list(proc.resolve("task"))) {
            return threads.mapToLong(ProcessCpu::compilerTicks).sum() / (double) CLOCK_TICKS;
        }
    }

    private static long compilerTicks(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).matches("C\\d CompilerThre.*\\s*")
                    ? ticks(thread.resolve("stat")) : 0;
        } catch (IOException unreadable) {
            // A thread that ends while its files are read: a missing file, or "No such process" (ESRCH) once it is
            // open (that one stopped a 3-run set after 21 minutes, reading the bare engine's compilers).
            if (Files.notExists(thread)) {
                return 0;
            }
            throw new UncheckedIOException(unreadable);
        }
    }

    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15, in clock ticks.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
