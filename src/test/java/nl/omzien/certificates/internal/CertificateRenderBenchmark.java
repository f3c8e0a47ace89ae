package nl.omzien.certificates.internal;

import nl.omzien.base.Translations;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders certificates the way issuing does (name, path, QR code, logo, font subset, tags) and reports median and
 * p95 per certificate after warm-up, throughput on 2 threads and peak heap. A plain main, not run by
 * the build: {@code bench/certificates.sh [count]}.
 */
public final class CertificateRenderBenchmark {

    private static final List<String> NAMES = List.of("Łukasz Nowak", "Sanne de Vries", "Mehmet Yılmaz", "مريم الحداد",
            "Gerda van der Veen", "José Pereira", "Eva Çelik", "Ayşe Demir");

    /** The demo municipality's logo, checked, drawn and prepared once as issuing does (cached per municipality). */
    private static final PreparedLogo LOGO = PreparedLogo.fromPng(LogoImages.normalise(demoLogo()).png(), "Logo van gemeente Coevorden");

    private CertificateRenderBenchmark() {
    }

    private static byte[] demoLogo() {
        try {
            return new org.springframework.core.io.ClassPathResource("certificates/demo-logo-coevorden.svg").getContentAsByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        CertificatePdfRenderer renderer = new CertificatePdfRenderer(new Translations());
        AtomicLong bytes = new AtomicLong();
        for (int i = 0; i < 1_000; i++) {
            bytes.addAndGet(renderer.render(content(i)).length);
        }
        resetPeaks();

        // Wall time is what a caller waits; CPU time is the renderer's own cost, unaffected by other
        // processes competing for the cores (the shared build machines often run at a load of 10+).
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[count];
        long[] cpuNanos = new long[count];
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            bytes.addAndGet(renderer.render(content(i)).length);
            cpuNanos[i] = cpu.getCurrentThreadCpuTime() - c;
            nanos[i] = System.nanoTime() - t;
        }
        double singleSeconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        System.out.printf(Locale.ROOT, "load average at start: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "1 thread wall: %d certificates, median %.2f ms, p95 %.2f ms, p99 %.2f ms, %.0f/s%n", count,
                nanos[count / 2] / 1e6, nanos[(int) (count * 0.95)] / 1e6, nanos[(int) (count * 0.99)] / 1e6, count / singleSeconds);
        System.out.printf(Locale.ROOT, "1 thread CPU : median %.2f ms, p95 %.2f ms, p99 %.2f ms per certificate%n",
                cpuNanos[count / 2] / 1e6, cpuNanos[(int) (count * 0.95)] / 1e6, cpuNanos[(int) (count * 0.99)] / 1e6);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        long parallelStart = System.nanoTime();
        List<Future<?>> work = List.of(0, 1).stream().<Future<?>>map(half -> threads.submit(() -> {
            for (int i = half; i < count; i += 2) {
                bytes.addAndGet(renderer.render(content(i)).length);
            }
        })).toList();
        for (Future<?> f : work) {
            f.get();
        }
        double parallelSeconds = (System.nanoTime() - parallelStart) / 1e9;
        threads.shutdown();
        System.out.printf(Locale.ROOT, "2 threads: %d certificates in %.1f s, %.0f/s%n", count, parallelSeconds, count / parallelSeconds);
        System.out.printf(Locale.ROOT, "average PDF size %.1f KiB; peak heap %d MiB (max %d MiB)%n",
                bytes.get() / (double) (count * 2 + 1_000) / 1024, peakHeap() / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.gc();
        System.out.printf(Locale.ROOT, "heap after GC: %d MiB (nothing retained)%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
    }

    private static CertificateContent content(int i) {
        String code = VerificationCodes.newCode();
        return new CertificateContent(NAMES.get(i % NAMES.size()), "Signaleerder eenzaamheid", LocalDate.of(2026, 11, 23),
                LocalDate.of(2029, 11, 23), "Vrijwilligerscentrale Coevorden", "Coevorden",
                i % 2 == 0 ? "Training op 12 maart 2026 in Dorpshuis De Brink, trainer Anna de Vries" : null, code,
                "https://omzien.example/verify/" + code, i % 5 == 0 ? Locale.ENGLISH : Locale.of("nl"), LOGO);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
