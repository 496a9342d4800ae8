import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The map page's render benchmark, run by deploy/bench/map-render against a gateway holding the
 * imported incidents: per round, a fresh browser context opens the whole-country view and the time
 * to the first complete drawing (every tile of the view loaded, the live stream open) is taken from
 * the page's own clock; then a scripted sequence of zooms and pans gives the frame times (the gaps
 * between animation frames), the JS heap is read, and an incident posted to incident-service is
 * timed until the map draws it. Prints one RESULT line per figure (medians over the rounds).
 *
 * {@code java -cp 'LIBS/*' deploy/bench/MapRender.java GATEWAY_URL INCIDENT_SERVICE_URL TOKEN_FILE ROUNDS}
 */
public class MapRender {

    private static final String READY = "() => { const m = window.incidentMap;"
            + " return m && m.getSource('incidents') && m.getSource('live') && m.loaded() && m.areTilesLoaded()"
            + " && document.getElementById('live').className === 'on' ? performance.now() : false; }";

    /** Zooms and pans over 8 s while every animation frame's gap is recorded; answers the gaps in ms. */
    private static final String ANIMATE = """
            async () => {
              const m = window.incidentMap, gaps = [];
              let last = performance.now(), running = true;
              const frame = now => { gaps.push(now - last); last = now; if (running) requestAnimationFrame(frame); };
              requestAnimationFrame(frame);
              const steps = [
                { center: [37.8, 48.0], zoom: 8 }, { center: [36.2, 50.0], zoom: 9 }, { center: [35.1, 47.8], zoom: 7 },
                { center: [30.5, 50.4], zoom: 8 }, { center: [32.0, 48.5], zoom: 5 }, { center: [37.6, 48.6], zoom: 10 },
                { center: [32.0, 48.5], zoom: 5 }];
              for (const s of steps) {
                await new Promise(done => { m.once('moveend', done); m.easeTo({ ...s, duration: 1100 }); });
              }
              running = false;
              return gaps.slice(1);
            }""";

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String incidentService = args[1];
        String token = Files.readString(Path.of(args[2])).trim();
        int rounds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        List<Double> firstRender = new ArrayList<>();
        List<Double> frameP50 = new ArrayList<>();
        List<Double> frameP95 = new ArrayList<>();
        List<Double> heapMb = new ArrayList<>();
        List<Double> visible = new ArrayList<>();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--enable-precise-memory-info",
                                "--disable-background-networking", "--disable-component-update", "--no-first-run")))) {
            for (int round = 1; round <= rounds; round++) {
                try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
                    Page page = context.newPage();
                    page.setDefaultTimeout(120_000);
                    page.navigate(gateway + "/");
                    double rendered = ((Number) page.waitForFunction(READY, null,
                            new Page.WaitForFunctionOptions().setPollingInterval(16)).jsonValue()).doubleValue();
                    firstRender.add(rendered);

                    @SuppressWarnings("unchecked")
                    List<Number> gaps = (List<Number>) page.evaluate(ANIMATE);
                    List<Double> sorted = new ArrayList<>(gaps.stream().map(Number::doubleValue).toList());
                    Collections.sort(sorted);
                    frameP50.add(percentile(sorted, 0.50));
                    frameP95.add(percentile(sorted, 0.95));
                    page.waitForFunction(READY);
                    heapMb.add(((Number) page.evaluate("() => performance.memory.usedJSHeapSize")).doubleValue() / 1e6);

                    String place = "Benchmark" + round + "x" + System.nanoTime() % 100000;
                    long posted = System.nanoTime();
                    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(incidentService + "/incidents"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(incident(place))).build(), HttpResponse.BodyHandlers.ofString());
                    if (created.statusCode() != 201) {
                        throw new IllegalStateException("POST /incidents answered " + created.statusCode() + ": " + created.body());
                    }
                    page.waitForFunction("place => incidentMap.queryRenderedFeatures({ layers: ['live-incidents'] })"
                            + ".some(f => f.properties.placeName === place)", place, new Page.WaitForFunctionOptions().setPollingInterval(16));
                    visible.add((System.nanoTime() - posted) / 1e6);
                    System.err.printf(Locale.ROOT, "round %d: first render %.0f ms, frames p50 %.1f p95 %.1f ms, heap %.1f MB, visible %.0f ms%n",
                            round, rendered, frameP50.get(round - 1), frameP95.get(round - 1), heapMb.get(round - 1), visible.get(round - 1));
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT first_render_ms=%.0f frame_p50_ms=%.1f frame_p95_ms=%.1f heap_mb=%.1f visible_ms=%.0f rounds=%d%n",
                median(firstRender), median(frameP50), median(frameP95), median(heapMb), median(visible), rounds);
    }

    /** An incident in the whole-country view, at zoom 5 drawn by the live overlay. */
    private static String incident(String place) {
        return """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[33.9,49.2]},
                 "properties":{"eventType":"Explosions/Remote violence","subEventType":"Air/drone strike","occurredOn":"2026-11-30",
                   "timePrecision":1,"geoPrecision":1,"placeName":"%s","admin1":"Poltavska","country":"UA","killed":1,
                   "killedAtLeast":false,"injured":null,"injuredAtLeast":false,"status":"reported"}}""".formatted(place);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
