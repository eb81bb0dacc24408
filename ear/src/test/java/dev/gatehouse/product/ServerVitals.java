package dev.gatehouse.product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a long run could make grow in the server process, read from outside: heap in use right after a full GC
 * ({@code jcmd}), resident memory, threads and open file descriptors ({@code /proc}, Linux). -1 where unreadable.
 */
record ServerVitals(long heapAfterGcBytes, long residentBytes, long threads, long openFiles) {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    /** With a full GC first (so the heap figure is what is still referenced); costs the server a pause. */
    static ServerVitals afterFullGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        return new ServerVitals(used.find() ? Long.parseLong(used.group(1)) * 1024 : -1,
                RunningProduct.residentBytes(pid), threads(pid), openFiles(pid));
    }

    /** Without a GC: for a trend while the load runs. */
    static ServerVitals now(long pid) {
        return new ServerVitals(-1, RunningProduct.residentBytes(pid), threads(pid), openFiles(pid));
    }

    /** The server's CPU time (user and system) and the part of it its collectors took, so far; -1 where unreadable. */
    record Spent(double cpuSeconds, double gcSeconds) {

        static Spent by(long pid) {
            return new Spent(cpuSeconds(pid), gcSeconds(pid));
        }

        /** What was spent since {@code before}, as "GC 0.4 s of 28.1 s CPU". */
        String since(Spent before) {
            return String.format(Locale.ROOT, "GC %.1f s of %.1f s CPU", gcSeconds - before.gcSeconds,
                    cpuSeconds - before.cpuSeconds);
        }

        private static double cpuSeconds(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // after the command's name, which may hold spaces: state is field 3, utime 14 and stime 15
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException unreadable) {
                return -1;
            }
        }

        private static double gcSeconds(long pid) {
            try {
                Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
                List<String> lines = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .strip().lines().toList();
                jstat.waitFor();
                String[] values = lines.get(lines.size() - 1).strip().split("\\s+");
                return Double.parseDouble(values[values.length - 1]); // GCT: every collector's time
            } catch (IOException | InterruptedException | RuntimeException unreadable) {
                return -1;
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "heap after full GC %s, resident %.0f MB, %d threads, %d open files",
                heapAfterGcBytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f MB", heapAfterGcBytes / 1048576.0),
                residentBytes / 1048576.0, threads, openFiles);
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    private static long threads(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("Threads:")).map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    private static long openFiles(long pid) {
        try (var files = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return files.count();
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }
}
