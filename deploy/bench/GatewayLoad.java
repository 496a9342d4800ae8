import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Load generator of the map-gateway benchmarks: N server-sent-event subscribers on a few Vert.x
 * event loops, and one publisher at a steady rate. Every published incident carries
 * {@code placeName = "bench <index> <epoch micros at publication>"}, so each subscriber measures
 * publication-to-receipt latency without a lookup. Publishers:
 * {@code kafka:<bootstrap>} (events in the incident-events format with gap-free seq from {@code --seq-from}),
 * {@code nchan:<publisher url>} (the Feature POSTed to nchan), {@code incidents:<url>} (POST
 * /incidents with the bearer token in $IM_BENCH_TOKEN). Prints one {@code RESULT} line; {@code --heap-pid}
 * takes a comma-separated list of gateway processes, whose heaps after a full GC it reports in that order.
 *
 * <p>Run with the map-gateway's runtime jars on the class path (Vert.x, Netty, kafka-clients):
 * {@code java -cp 'map-gateway/target/quarkus-app/lib/main/*' deploy/bench/GatewayLoad.java ...}
 */
public class GatewayLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI sub = URI.create(opt.get("subscribe"));
        String publish = opt.get("publish");
        int subscribers = Integer.parseInt(opt.getOrDefault("subscribers", "1000"));
        double rate = Double.parseDouble(opt.getOrDefault("rate", "10"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
        int loops = Integer.parseInt(opt.getOrDefault("loops", "2"));
        String heapPid = opt.get("heap-pid");
        long seqFrom = Long.parseLong(opt.getOrDefault("seq-from", "1"));

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setIdleTimeout(0).setConnectTimeout(30_000),
                new PoolOptions().setHttp1MaxSize(subscribers + 16).setMaxWaitQueueSize(-1));

        int warmupEvents = (int) Math.round(warmup * rate);
        int totalEvents = warmupEvents + (int) Math.round(seconds * rate);
        List<Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            subs.add(new Subscriber(warmupEvents));
        }
        connectAll(client, sub, subs);
        long connected = subs.stream().filter(s -> s.connected).count();
        System.err.printf("connected %d of %d subscribers%n", connected, subscribers);

        Publisher publisher = Publisher.of(publish, vertx, seqFrom);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        long periodNanos = (long) (1e9 / rate);
        timer.scheduleAtFixedRate(() -> {
            int index = sent.incrementAndGet();
            if (index > totalEvents) {
                done.countDown();
                return;
            }
            publisher.publish(index);
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await();
        timer.shutdownNow();

        long expected = connected * (totalEvents - warmupEvents);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        long last = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = subs.stream().mapToLong(s -> s.count).sum();
            if (now != last) {
                last = now;
                lastProgress = System.nanoTime();
            }
            // Three quiet seconds outlast a relay poll interval: nothing more is coming.
            if (now >= expected || System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(3)) {
                break;
            }
            Thread.sleep(250);
        }
        String heap = "";
        if (heapPid != null) {
            List<String> heaps = new ArrayList<>();
            for (String pid : heapPid.split(",")) {
                heaps.add(Long.toString(heapAfterGc(pid)));
            }
            heap = " heap_used_mb=" + String.join(",", heaps);
        }
        long stillOpen = subs.stream().filter(s -> s.connected && !s.closed).count();

        long[] all = subs.stream().flatMapToLong(s -> Arrays.stream(s.latencies, 0, s.count)).sorted().toArray();
        long[] posts = publisher.responses.stream().mapToLong(Long::longValue).sorted().toArray();
        if (posts.length > 0) {
            heap += String.format(" post_p50_ms=%.2f post_p99_ms=%.2f", pct(posts, 0.50), pct(posts, 0.99));
        }
        System.out.printf("RESULT subscribers=%d connected=%d open_at_end=%d events=%d expected=%d received=%d "
                + "p50_ms=%.2f p99_ms=%.2f max_ms=%.2f publish_errors=%d%s%n",
                subscribers, connected, stillOpen, totalEvents - warmupEvents, expected, all.length,
                pct(all, 0.50), pct(all, 0.99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1000.0,
                publisher.errors.get(), heap);
        System.out.flush();
        // The result is out; closing thousands of connections on a busy machine may take longer
        // than is worth waiting for.
        publisher.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("connections still closing after 10 s; exiting");
        }
        System.exit(0);
    }

    /** Opens every stream, a bounded number of handshakes at a time so the server's accept queue keeps up. */
    static void connectAll(HttpClient client, URI uri, List<Subscriber> subs) throws InterruptedException {
        int port = uri.getPort();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(200);
        CountDownLatch all = new CountDownLatch(subs.size());
        for (Subscriber s : subs) {
            inFlight.acquire();
            client.request(HttpMethod.GET, port, uri.getHost(), path)
                    .compose(req -> req.putHeader("Accept", "text/event-stream").send())
                    .onComplete(ar -> {
                        if (ar.succeeded() && ar.result().statusCode() == 200) {
                            s.connected = true;
                            ar.result().handler(s::onChunk);
                            ar.result().exceptionHandler(e -> s.closed = true);
                            ar.result().endHandler(v -> s.closed = true);
                        } else if (ar.failed()) {
                            System.err.println("subscribe failed: " + ar.cause());
                        }
                        inFlight.release();
                        all.countDown();
                    });
        }
        all.await(120, TimeUnit.SECONDS);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }

    static long heapAfterGc(String pid) throws Exception {
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** One stream: splits the bytes into lines and records the latency of each data line. */
    static final class Subscriber {
        private static final byte[] MARK = "\"placeName\":\"bench ".getBytes(StandardCharsets.US_ASCII);
        final int warmupEvents;
        volatile boolean connected;
        volatile boolean closed;
        long[] latencies = new long[64];
        volatile int count;
        private byte[] pending = new byte[4096];
        private int length;

        Subscriber(int warmupEvents) {
            this.warmupEvents = warmupEvents;
        }

        void onChunk(Buffer chunk) {
            int n = chunk.length();
            if (length + n > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + n));
            }
            chunk.getBytes(0, n, pending, length);
            length += n;
            int start = 0;
            for (int i = 0; i < length; i++) {
                if (pending[i] == '\n') {
                    onLine(start, i);
                    start = i + 1;
                }
            }
            System.arraycopy(pending, start, pending, 0, length - start);
            length -= start;
        }

        private void onLine(int from, int to) {
            if (to - from < 5 || pending[from] != 'd') {
                return;
            }
            int at = indexOf(from, to);
            if (at < 0) {
                return;
            }
            long received = nowMicros();
            int i = at + MARK.length;
            long index = 0;
            while (pending[i] != ' ') {
                index = index * 10 + (pending[i++] - '0');
            }
            i++;
            long stamp = 0;
            byte b;
            while ((b = pending[i++]) >= '0' && b <= '9') {
                stamp = stamp * 10 + (b - '0');
            }
            if (index <= warmupEvents) {
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count] = received - stamp;
            count++;
        }

        private int indexOf(int from, int to) {
            outer:
            for (int i = from; i <= to - MARK.length; i++) {
                for (int j = 0; j < MARK.length; j++) {
                    if (pending[i + j] != MARK[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** Where the events come from. */
    abstract static class Publisher {
        final AtomicLong errors = new AtomicLong();
        /** Response times of HTTP publications, micros. */
        final List<Long> responses = java.util.Collections.synchronizedList(new ArrayList<>());

        static Publisher of(String spec, Vertx vertx, long seqFrom) {
            int colon = spec.indexOf(':');
            String kind = spec.substring(0, colon);
            String target = spec.substring(colon + 1);
            return switch (kind) {
                case "kafka" -> new KafkaPublisher(target, seqFrom);
                case "nchan" -> new HttpPublisher(vertx, URI.create(target), "application/json", false);
                case "incidents" -> new HttpPublisher(vertx, URI.create(target), "application/json", true);
                default -> throw new IllegalArgumentException("unknown publisher " + kind);
            };
        }

        abstract void publish(int index);

        void close() {
        }

        static String feature(String id, int index, long stampMicros) {
            return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                    + (30 + (index % 700) / 100.0) + "," + (47 + (index % 400) / 100.0) + "]},"
                    + "\"properties\":{\"eventType\":\"Explosions/Remote violence\",\"subEventType\":\"Air/drone strike\","
                    + "\"weapons\":[\"drone\"],\"targets\":[],\"occurredOn\":\"2025-06-07\",\"timePrecision\":1,\"geoPrecision\":1,"
                    + "\"placeName\":\"bench " + index + " " + stampMicros + "\",\"admin1\":\"Kharkiv\",\"admin2\":null,"
                    + "\"country\":\"UA\",\"killed\":" + (index % 5) + ",\"killedAtLeast\":false,\"injured\":null,"
                    + "\"injuredAtLeast\":false,\"status\":\"reported\",\"actor\":\"Military Forces of Russia\","
                    + "\"sources\":[{\"outlet\":\"Bench Daily\",\"url\":\"https://news.example/" + index
                    + "\",\"publishedAt\":\"2025-06-07T08:00:00Z\",\"excerpt\":\"A drone struck a warehouse overnight, the regional administration said.\"}],"
                    + "\"claims\":[],\"version\":1,\"createdAt\":\"2025-06-07T09:00:00Z\",\"updatedAt\":\"2025-06-07T09:00:00Z\"}}";
        }
    }

    static final class KafkaPublisher extends Publisher {
        private final KafkaProducer<String, String> producer;

        private final long seqFrom;

        KafkaPublisher(String bootstrap, long seqFrom) {
            this.seqFrom = seqFrom;
            Map<String, Object> config = new HashMap<>();
            config.put("bootstrap.servers", bootstrap);
            config.put("linger.ms", 0);
            config.put("acks", "1");
            config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
            config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
            producer = new KafkaProducer<>(config);
            producer.partitionsFor("incident-events");
        }

        @Override
        void publish(int index) {
            String id = UUID.randomUUID().toString();
            long stamp = nowMicros();
            String feature = feature(id, index, stamp);
            String event = "{\"seq\":" + (seqFrom + index - 1) + ",\"kind\":\"incident.created\",\"time\":\""
                    + Instant.ofEpochSecond(stamp / 1_000_000, (stamp % 1_000_000) * 1000) + "\","
                    + feature.substring(1);
            producer.send(new ProducerRecord<>("incident-events", id, event), (meta, e) -> {
                if (e != null) {
                    errors.incrementAndGet();
                }
            });
        }

        @Override
        void close() {
            producer.close();
        }
    }

    /** nchan's publisher endpoint takes the Feature as is; incident-service's POST /incidents a create request. */
    static final class HttpPublisher extends Publisher {
        private final HttpClient client;
        private final URI uri;
        private final String contentType;
        private final boolean createRequest;
        private final String token = System.getenv("IM_BENCH_TOKEN");

        HttpPublisher(Vertx vertx, URI uri, String contentType, boolean createRequest) {
            this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(8));
            this.uri = uri;
            this.contentType = contentType;
            this.createRequest = createRequest;
        }

        @Override
        void publish(int index) {
            long stamp = nowMicros();
            String body = createRequest
                    ? "{\"eventType\":\"Explosions/Remote violence\",\"subEventType\":\"Air/drone strike\","
                            + "\"occurredOn\":\"2025-06-07\",\"placeName\":\"bench " + index + " " + stamp + "\","
                            + "\"country\":\"UA\",\"latitude\":" + (47 + (index % 400) / 100.0) + ",\"longitude\":"
                            + (30 + (index % 700) / 100.0) + ",\"killed\":" + (index % 5) + "}"
                    : feature(UUID.randomUUID().toString(), index, stamp);
            client.request(HttpMethod.POST, uri.getPort(), uri.getHost(),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                    .compose(req -> {
                        req.putHeader("Content-Type", contentType);
                        if (token != null) {
                            req.putHeader("Authorization", "Bearer " + token);
                        }
                        return req.send(body);
                    })
                    .compose(resp -> resp.body().map(b -> resp.statusCode()))
                    .onComplete(ar -> {
                        responses.add(nowMicros() - stamp);
                        if (ar.failed() || ar.result() >= 300) {
                            errors.incrementAndGet();
                            if (errors.get() < 5) {
                                System.err.println("publish failed: " + (ar.failed() ? ar.cause() : ar.result()));
                            }
                        }
                    });
        }
    }
}
