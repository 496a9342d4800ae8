import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of deploy/chaos/run, on the JDK alone, in two steps.
 *
 * <p>{@code run}: writes incidents at a steady rate, alternating between the incident-service
 * replicas, retrying a 503, a 5xx, a refused connection or a timeout on the other replica as a client
 * would (after the Retry-After it was given, for at most {@code --write-deadline} seconds); keeps N
 * server-sent-event subscribers on the gateways' /stream, which reconnect with Last-Event-ID
 * whenever their stream ends or stays silent past {@code --silence}. It stops writing when
 * {@code --stop-file} appears (or after {@code --max-seconds} / {@code --max-writes}), waits until
 * every subscriber has the newest seq, and leaves {@code writes.tsv}, {@code received.tsv} and
 * {@code start-seq} in {@code --out}.
 *
 * <p>{@code report}: reads those files, the faults deploy/chaos/run injected and what the database
 * holds afterwards, prints one row per fault and exits 1 on any acknowledged write missing from the
 * database (a write never acknowledged within the deadline is counted, as "unacked", not failed), any event missed, duplicated or out of order at any subscriber, any reset, or a relay
 * takeover slower than the lease plus 2 s.
 */
public class ChaosLoad {

    private static final Pattern HEAD_SEQ = Pattern.compile("\"headSeq\"\\s*:\\s*(\\d+)");
    private static final Pattern ANY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        switch (args.length == 0 ? "" : args[0]) {
            case "run" -> run(opts);
            case "report" -> System.exit(report(opts));
            default -> {
                System.err.println("usage: ChaosLoad run|report --option value ...");
                System.exit(2);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }

    // ---------------------------------------------------------------- run

    /** One write as the client saw it: when it was first sent, when a replica acknowledged it, how. */
    record Write(long sentMs, long ackMs, int attempts, int status, String replica, String id) {
    }

    /** One event as a subscriber received it. */
    record Receipt(int subscriber, long atMs, long seq, String kind) {
    }

    private static void run(Map<String, String> o) throws Exception {
        List<String> replicas = List.of(o.get("writes").split(","));
        String stream = o.get("stream");
        int subscribers = Integer.parseInt(o.getOrDefault("subscribers", "10"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "20"));
        long maxSeconds = Long.parseLong(o.getOrDefault("max-seconds", "900"));
        long maxWrites = Long.parseLong(o.getOrDefault("max-writes", "20000"));
        long writeDeadlineMs = Long.parseLong(o.getOrDefault("write-deadline", "60")) * 1000;
        long silenceMs = Long.parseLong(o.getOrDefault("silence", "40")) * 1000;
        long drainMs = Long.parseLong(o.getOrDefault("drain-seconds", "60")) * 1000;
        Path stopFile = Path.of(o.get("stop-file"));
        Path out = Path.of(o.get("out"));
        String token = Files.readString(Path.of(o.get("token-file"))).trim();
        Files.createDirectories(out);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long startSeq = headSeq(http, replicas, writeDeadlineMs);
        Files.writeString(out.resolve("start-seq"), startSeq + "\n");
        log("head seq at start %d; %d subscribers on %s; %.1f writes/s to %s", startSeq, subscribers, stream, rate, replicas);

        ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Subscriber s = new Subscriber(i, http, stream, startSeq, silenceMs, receipts);
            subs.add(s);
            s.start();
        }

        ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(256);
        AtomicInteger inFlight = new AtomicInteger();
        long began = System.currentTimeMillis();
        long periodNanos = (long) (1_000_000_000L / rate);
        long next = System.nanoTime();
        long n = 0;
        while (n < maxWrites && System.currentTimeMillis() - began < maxSeconds * 1000 && !Files.exists(stopFile)) {
            long index = n++;
            long due = System.currentTimeMillis();
            inFlight.incrementAndGet();
            pool.execute(() -> {
                try {
                    writes.add(write(http, replicas, (int) (index % replicas.size()), token, index, due, writeDeadlineMs));
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        log("stopped writing after %d writes; waiting for %d in flight", n, inFlight.get());
        pool.shutdown();
        pool.awaitTermination(writeDeadlineMs + 10_000, TimeUnit.MILLISECONDS);

        // A request a client gave up on may still commit (a replica that was stopped, then resumed):
        // the end is the head once it has stayed put while every subscriber caught up with it.
        long drainUntil = System.currentTimeMillis() + drainMs;
        long head = headSeq(http, replicas, writeDeadlineMs);
        while (System.currentTimeMillis() < drainUntil) {
            long target = head;
            while (System.currentTimeMillis() < drainUntil && subs.stream().anyMatch(s -> s.lastSeq.get() < target)) {
                Thread.sleep(200);
            }
            Thread.sleep(2000);
            long now = headSeq(http, replicas, writeDeadlineMs);
            if (now == head && subs.stream().allMatch(s -> s.lastSeq.get() >= target)) {
                break;
            }
            head = now;
        }
        long end = head;
        long behind = subs.stream().filter(s -> s.lastSeq.get() < end).count();
        log("head seq at end %d; %d subscribers short of it after the drain", end, behind);
        Files.writeString(out.resolve("end-seq"), end + "\n");
        subs.forEach(Subscriber::halt);

        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("writes.tsv")))) {
            for (Write x : writes) {
                w.printf("%d\t%d\t%d\t%d\t%s\t%s%n", x.sentMs, x.ackMs, x.attempts, x.status, x.replica, x.id);
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("received.tsv")))) {
            for (Receipt r : receipts) {
                w.printf("%d\t%d\t%d\t%s%n", r.subscriber, r.atMs, r.seq, r.kind);
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("reconnects.tsv")))) {
            for (Subscriber s : subs) {
                w.printf("%d\t%d%n", s.index, s.reconnects.get());
            }
        }
        System.exit(0);
    }

    /** The newest seq in the event log, from whichever replica answers. */
    private static long headSeq(HttpClient http, List<String> replicas, long deadlineMs) throws InterruptedException {
        long until = System.currentTimeMillis() + deadlineMs;
        for (int i = 0; ; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(replicas.get(i % replicas.size())
                        + "/events?after=0&limit=1")).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher m = HEAD_SEQ.matcher(r.body());
                if (r.statusCode() == 200 && m.find()) {
                    return Long.parseLong(m.group(1));
                }
            } catch (IOException e) {
                // the next replica, or this one again shortly
            }
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("no replica answered GET /events");
            }
            Thread.sleep(300);
        }
    }

    /**
     * POST /incidents, first to replica {@code first}, then in turn to the others while the answer is
     * a 5xx, a 429 or no answer at all. 4xx other than 429 are the driver's fault and end the run's
     * hope of a clean report: they are recorded with their status.
     */
    private static Write write(HttpClient http, List<String> replicas, int first, String token, long index, long due,
            long deadlineMs) {
        Random random = new Random(index);
        double lat = 46.5 + random.nextDouble() * 4;
        double lon = 24 + random.nextDouble() * 14;
        String body = String.format(Locale.ROOT, """
                {"eventType":"Explosions/Remote violence","subEventType":"Shelling/artillery/missile attack",
                 "occurredOn":"%s","country":"UA","latitude":%.5f,"longitude":%.5f,"placeName":"chaos %d",
                 "killed":%d}""", LocalDate.now(), lat, lon, index, random.nextInt(5));
        // the client's clock starts when the write was due, however long it waited for a thread
        long sent = due;
        int attempts = 0;
        int status = 0;
        String replica = null;
        while (System.currentTimeMillis() - sent < deadlineMs) {
            replica = replicas.get((first + attempts) % replicas.size());
            attempts++;
            long waitMs = 200;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(replica + "/incidents"))
                        .timeout(Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                if (status / 100 == 2) {
                    Matcher m = ANY_ID.matcher(r.body());
                    return new Write(sent, System.currentTimeMillis(), attempts, status, replica, m.find() ? m.group(1) : "-");
                }
                if (status != 429 && status < 500) {
                    return new Write(sent, -1, attempts, status, replica, "-");
                }
                waitMs = r.headers().firstValue("Retry-After").map(v -> Long.parseLong(v.trim()) * 1000).orElse(200L);
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                // the other replica at once, the same one again after the wait it asked for
                Thread.sleep(attempts % replicas.size() == 0 ? waitMs : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Write(sent, -1, attempts, status, replica, "-");
    }

    /** One EventSource-like client: reads id/event lines, reconnects with Last-Event-ID. */
    static final class Subscriber extends Thread {
        final int index;
        final AtomicLong lastSeq;
        final AtomicInteger reconnects = new AtomicInteger();
        private final HttpClient http;
        private final String url;
        private final long silenceMs;
        private final ConcurrentLinkedQueue<Receipt> receipts;
        private volatile boolean halted;
        private volatile InputStream current;
        private volatile long lastByteMs = System.currentTimeMillis();

        Subscriber(int index, HttpClient http, String url, long startSeq, long silenceMs, ConcurrentLinkedQueue<Receipt> receipts) {
            super("subscriber-" + index);
            setDaemon(true);
            this.index = index;
            this.http = http;
            this.url = url;
            this.silenceMs = silenceMs;
            this.receipts = receipts;
            this.lastSeq = new AtomicLong(startSeq);
        }

        void halt() {
            halted = true;
            close();
        }

        private void close() {
            InputStream in = current;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is all that was wanted
                }
            }
        }

        @Override
        public void run() {
            Thread watchdog = new Thread(() -> {
                while (!halted) {
                    if (System.currentTimeMillis() - lastByteMs > silenceMs) {
                        lastByteMs = System.currentTimeMillis();
                        close();
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
            boolean first = true;
            while (!halted) {
                if (!first) {
                    reconnects.incrementAndGet();
                    sleepQuietly(1000);
                }
                first = false;
                try {
                    HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", "text/event-stream")
                            .header("Last-Event-ID", Long.toString(lastSeq.get())).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    current = r.body();
                    lastByteMs = System.currentTimeMillis();
                    if (r.statusCode() != 200) {
                        r.body().close();
                        continue;
                    }
                    read(r.body());
                } catch (IOException e) {
                    // the stream ended or never opened: reconnect
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void read(InputStream body) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String id = null;
            String event = "message";
            for (String line; (line = reader.readLine()) != null; ) {
                lastByteMs = System.currentTimeMillis();
                if (line.isEmpty()) {
                    if (id != null || "reset".equals(event)) {
                        long seq = id == null ? -1 : Long.parseLong(id.trim());
                        receipts.add(new Receipt(index, System.currentTimeMillis(), seq, event));
                        if (seq > lastSeq.get()) {
                            lastSeq.set(seq);
                        }
                    }
                    id = null;
                    event = "message";
                } else if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                }
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf("[chaos-load] " + format + "%n", args);
    }

    // ---------------------------------------------------------------- report

    /** A fault as deploy/chaos/run injected it: its window runs from {@code injectMs} to the next fault's. */
    record Fault(String name, long injectMs, long restoredMs, long takeoverMs) {
    }

    private static int report(Map<String, String> o) throws IOException {
        Path out = Path.of(o.get("out"));
        long leaseMs = Long.parseLong(o.get("lease-ms"));
        long startSeq = Long.parseLong(Files.readString(out.resolve("start-seq")).trim());
        long endSeq = Long.parseLong(Files.readString(out.resolve("end-seq")).trim());
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault("before the first fault", 0, 0, -1));
        for (String[] f : rows(Path.of(o.get("faults")))) {
            faults.add(new Fault(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
        }
        List<Write> writes = new ArrayList<>();
        for (String[] w : rows(out.resolve("writes.tsv"))) {
            writes.add(new Write(Long.parseLong(w[0]), Long.parseLong(w[1]), Integer.parseInt(w[2]),
                    Integer.parseInt(w[3]), w[4], w[5]));
        }
        Set<String> stored = new HashSet<>();
        for (String[] r : rows(Path.of(o.get("db-incidents")))) {
            stored.add(r[0]);
        }
        // seq -> [commit ms], and the seq that created each incident
        Map<Long, Long> eventTime = new HashMap<>();
        Map<String, Long> createdSeq = new HashMap<>();
        for (String[] e : rows(Path.of(o.get("db-events")))) {
            long seq = Long.parseLong(e[0]);
            if (seq <= startSeq) {
                continue;
            }
            if (seq <= endSeq) {
                eventTime.put(seq, Long.parseLong(e[2]));
            }
            if ("incident.created".equals(e[3])) {
                createdSeq.put(e[1], seq);
            }
        }
        Map<Integer, List<Receipt>> bySubscriber = new HashMap<>();
        for (String[] r : rows(out.resolve("received.tsv"))) {
            Receipt x = new Receipt(Integer.parseInt(r[0]), Long.parseLong(r[1]), Long.parseLong(r[2]), r[3]);
            bySubscriber.computeIfAbsent(x.subscriber, k -> new ArrayList<>()).add(x);
        }
        int subscribers = Integer.parseInt(o.get("subscribers"));
        Map<Integer, Integer> reconnects = new HashMap<>();
        for (String[] r : rows(out.resolve("reconnects.tsv"))) {
            reconnects.put(Integer.parseInt(r[0]), Integer.parseInt(r[1]));
        }

        int windows = faults.size();
        long[] acked = new long[windows], lost = new long[windows], failed = new long[windows], retried = new long[windows];
        long[] expected = new long[windows], missed = new long[windows], duplicated = new long[windows];
        long[] disordered = new long[windows], resets = new long[windows];
        int[] worstSubscriber = new int[windows];
        long[][] missedBy = new long[windows][subscribers];
        for (Write w : writes) {
            int i = window(faults, w.sentMs);
            if (w.ackMs < 0) {
                failed[i]++;
                continue;
            }
            acked[i]++;
            if (w.attempts > 1) {
                retried[i]++;
            }
            if (!stored.contains(w.id) || !createdSeq.containsKey(w.id)) {
                lost[i]++;
            }
        }
        // first receipt of each seq at each subscriber, for the recovery times
        List<Map<Long, Long>> firstAt = new ArrayList<>();
        for (int s = 0; s < subscribers; s++) {
            Map<Long, Long> seen = new HashMap<>();
            long max = startSeq;
            for (Receipt r : bySubscriber.getOrDefault(s, List.of())) {
                int i = window(faults, r.atMs);
                if ("reset".equals(r.kind)) {
                    resets[i]++;
                    continue;
                }
                if (seen.containsKey(r.seq)) {
                    duplicated[i]++;
                    continue;
                }
                if (r.seq < max) {
                    disordered[i]++;
                }
                seen.put(r.seq, r.atMs);
                max = Math.max(max, r.seq);
            }
            for (Map.Entry<Long, Long> e : eventTime.entrySet()) {
                int i = window(faults, e.getValue());
                if (s == 0) {
                    expected[i]++;
                }
                if (!seen.containsKey(e.getKey())) {
                    missed[i]++;
                    missedBy[i][s]++;
                }
            }
            firstAt.add(seen);
        }
        for (int i = 0; i < windows; i++) {
            long worst = 0;
            for (int s = 0; s < subscribers; s++) {
                if (missedBy[i][s] > worst) {
                    worst = missedBy[i][s];
                    worstSubscriber[i] = s;
                }
            }
        }

        boolean bad = false;
        System.out.printf("%-34s %6s %5s %7s %6s %7s %7s %5s %5s %6s %9s %9s%n", "fault", "acked", "lost", "retried",
                "unacked", "events", "missed", "dup", "order", "resets", "takeover", "recovery");
        for (int i = 0; i < windows; i++) {
            Fault f = faults.get(i);
            String takeover = f.takeoverMs < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", f.takeoverMs / 1000.0);
            String recovery = i == 0 ? "-" : recovery(f, i + 1 < windows ? faults.get(i + 1).injectMs : Long.MAX_VALUE,
                    writes, createdSeq, firstAt);
            System.out.printf("%-34s %6d %5d %7d %6d %7d %7d %5d %5d %6d %9s %9s%n", f.name, acked[i], lost[i], retried[i],
                    failed[i], expected[i], missed[i], duplicated[i], disordered[i], resets[i], takeover, recovery);
            if (missed[i] > 0) {
                System.out.printf("    subscriber %d missed %d of %d%n", worstSubscriber[i], missedBy[i][worstSubscriber[i]], expected[i]);
            }
            boolean slow = f.takeoverMs > leaseMs + 2000 || f.takeoverMs == -2;
            bad |= lost[i] > 0 || missed[i] > 0 || duplicated[i] > 0 || disordered[i] > 0
                    || resets[i] > 0 || slow || recovery.equals("never");
        }
        int totalReconnects = reconnects.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%d writes, %d subscribers (%d reconnects in all), lease %.1f s; %s%n", writes.size(), subscribers,
                totalReconnects, leaseMs / 1000.0, bad ? "FAILED" : "no loss, miss or duplicate");
        return bad ? 1 : 0;
    }

    /**
     * From the injection to the moment the first write sent after it had been acknowledged and its
     * event had reached every subscriber.
     */
    private static String recovery(Fault f, long windowEnd, List<Write> writes, Map<String, Long> createdSeq,
            List<Map<Long, Long>> firstAt) {
        long best = Long.MAX_VALUE;
        for (Write w : writes) {
            if (w.sentMs < f.injectMs || w.sentMs >= windowEnd || w.ackMs < 0 || !createdSeq.containsKey(w.id)) {
                continue;
            }
            long seq = createdSeq.get(w.id);
            long everywhere = 0;
            for (Map<Long, Long> seen : firstAt) {
                Long at = seen.get(seq);
                everywhere = at == null ? Long.MAX_VALUE : Math.max(everywhere, at);
            }
            best = Math.min(best, everywhere);
        }
        return best == Long.MAX_VALUE ? "never" : String.format(Locale.ROOT, "%.1f s", (best - f.injectMs) / 1000.0);
    }

    private static int window(List<Fault> faults, long atMs) {
        int i = 0;
        while (i + 1 < faults.size() && faults.get(i + 1).injectMs <= atMs) {
            i++;
        }
        return i;
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
