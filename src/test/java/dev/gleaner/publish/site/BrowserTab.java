package dev.gleaner.publish.site;

import static dev.gleaner.publish.site.BrowserSession.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A browser tab whose hooks record every script a page compiles, every navigation and every dialog. */
final class BrowserTab {
    /** The isolated world where the hooks live: its scripts are the test's, never the page's. */
    static final String PROBE_WORLD = "gleaner-probe";

    /** Installed in the isolated world of every document before the page's own scripts. */
    private static final String PROBE = """
            window.__gleanerProbe = { csp: [] };
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__gleanerProbe.csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)')
                + (e.sample ? ' sample: ' + e.sample : ''));
            }, true);
            //# sourceURL=gleaner-probe://hooks.js
            """;

    /**
     * Walks the document, template contents and shadow roots included, for what the sanitizer must
     * never let through even where nothing runs until the reader acts: handlers, script URLs,
     * frames, forms, active SVG and MathML; then clicks the links with script URLs. The argument
     * is a selector of the theme's own controls.
     */
    private static final String SCAN = """
            (function (ownControls) {
              var findings = [], scripts = [], links = [];
              var urlAttributes = ['href', 'src', 'action', 'formaction', 'background', 'poster', 'data', 'codebase',
                'cite', 'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'ping', 'manifest', 'icon', 'profile', 'archive',
                'classid', 'values', 'to', 'from', 'by', 'srcset', 'imagesrcset'];
              var forbidden = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'form',
                'input', 'button', 'textarea', 'select', 'isindex', 'fencedframe', 'style'];
              var activeForeign = ['script', 'animate', 'set', 'animatetransform', 'animatemotion', 'use',
                'foreignobject', 'image', 'feimage', 'discard', 'handler', 'listener', 'annotation-xml', 'maction',
                'iframe'];
              var rasterImage = /^data:image\\/(png|gif|jpe?g|webp|avif|bmp|x-icon|vnd\\.microsoft\\.icon)[;,]/i;
              var safeRels = ['stylesheet', 'alternate', 'icon', 'shortcut icon', 'apple-touch-icon', 'canonical',
                'search'];
              function snippet(el) {
                var h = el.outerHTML || el.localName;
                return h.length > 240 ? h.slice(0, 240) + '…' : h;
              }
              function clean(v) {
                return v.replace(/[\\t\\n\\r]/g, '').replace(/^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$/g, '');
              }
              function protocol(v) {
                try { return new URL(v, document.baseURI).protocol; } catch (e) {
                  var m = /^([a-z][a-z0-9+.-]*):/i.exec(v);
                  return m ? m[1].toLowerCase() + ':' : '';
                }
              }
              function check(el) {
                var tag = el.localName.toLowerCase();
                var ns = el.namespaceURI;
                var inHead = !!el.closest('head');
                for (var i = 0; i < el.attributes.length; i++) {
                  var name = el.attributes[i].name.toLowerCase(), value = el.attributes[i].value;
                  if (name.indexOf('on') === 0) {
                    findings.push('event handler ' + name + ': ' + snippet(el));
                    continue;
                  }
                  if (name === 'srcdoc') { findings.push('srcdoc: ' + snippet(el)); continue; }
                  if (name === 'style') {
                    if (/expression|javascript:|vbscript:|url\\s*\\(|behavior|binding|@import/i.test(value)) {
                      findings.push('style: ' + snippet(el));
                    }
                    continue;
                  }
                  if (urlAttributes.indexOf(name) < 0 && !/(^|:)href$/.test(name)) continue;
                  var parts = name === 'srcset' || name === 'imagesrcset'
                    ? value.split(',').map(function (p) { return p.trim().split(/\\s+/)[0]; })
                    : name === 'values' ? value.split(';') : [value];
                  parts.forEach(function (part) {
                    var url = clean(part);
                    if (!url) return;
                    var p = protocol(url);
                    if (['javascript:', 'vbscript:', 'livescript:', 'mocha:'].indexOf(p) >= 0) {
                      findings.push('script URL in ' + name + ': ' + snippet(el));
                      if (tag === 'a' || tag === 'area') links.push(el);
                    } else if (p === 'data:' && !rasterImage.test(url)) {
                      findings.push('data URL in ' + name + ': ' + snippet(el));
                    }
                  });
                }
                if (tag === 'script' && ns === 'http://www.w3.org/1999/xhtml') {
                  scripts.push({ src: el.getAttribute('src') !== null ? el.src : '',
                    inline: (el.textContent || '').trim().length > 0, html: snippet(el) });
                  return;
                }
                if (ownControls && el.matches(ownControls)) return;
                if (ns !== 'http://www.w3.org/1999/xhtml') {
                  if (activeForeign.indexOf(tag) >= 0) findings.push('active foreign element: ' + snippet(el));
                  return;
                }
                if (tag === 'meta') {
                  var equiv = (el.getAttribute('http-equiv') || '').toLowerCase();
                  if (!inHead || (equiv && equiv !== 'content-security-policy')) findings.push('meta: ' + snippet(el));
                  return;
                }
                if (tag === 'link') {
                  var rel = (el.getAttribute('rel') || '').toLowerCase().trim();
                  if (!inHead || safeRels.indexOf(rel) < 0) findings.push('link: ' + snippet(el));
                  return;
                }
                if (tag === 'style' && inHead) return;
                if (forbidden.indexOf(tag) >= 0) findings.push('element ' + tag + ': ' + snippet(el));
              }
              function walk(root) {
                var all = root.querySelectorAll('*');
                for (var i = 0; i < all.length; i++) {
                  check(all[i]);
                  if (all[i].shadowRoot) walk(all[i].shadowRoot);
                  if (all[i].localName === 'template' && all[i].content) walk(all[i].content);
                }
              }
              walk(document);
              if (document.querySelector('base')) findings.push('base URL is ' + document.baseURI);
              // A reader would click them: whatever they run is then on record as well.
              links.forEach(function (link) {
                link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
              });
              var articles = document.querySelectorAll('article');
              var time = articles.length === 1 ? articles[0].querySelector('time[datetime]') : null;
              return JSON.stringify({ findings: findings, scripts: scripts, clicked: links.length,
                published: time ? time.getAttribute('datetime') : '' });
            })(%s)
            //# sourceURL=gleaner-probe://scan.js
            """;

    /**
     * What a site may run and which of its elements are its own.
     *
     * @param ownScript whether a script URL is one of the site's own files
     * @param ownControls a CSS selector of the form controls the theme itself has, or empty
     */
    record Policy(Predicate<String> ownScript, String ownControls) {
    }

    /** Something a page did or holds that a hostile feed must never achieve. */
    record Fault(String kind, String detail) {
        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    /** What one load of one page showed. */
    static final class Visit {
        final String url;
        final boolean bypassCsp;
        final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> expected = ConcurrentHashMap.newKeySet();
        private final List<CompletableFuture<String>> scriptSources = Collections.synchronizedList(new ArrayList<>());
        volatile int scripts;
        volatile int ownScripts;
        volatile int probeScripts;
        volatile boolean navigatedAway;
        /** The date of the one item the page shows, or empty: it tells which vector the item carries. */
        volatile String published = "";

        Visit(String url, boolean bypassCsp) {
            this.url = url;
            this.bypassCsp = bypassCsp;
        }

        void fault(String kind, String detail) {
            faults.add(new Fault(kind, detail));
        }

        boolean expects(String url) {
            String target = comparable(url);
            return expected.stream().anyMatch(known -> comparable(known).equals(target));
        }

        /** The URL without its fragment, escapes decoded, so that two spellings of one address compare equal. */
        private static String comparable(String url) {
            String bare = url.replaceFirst("#.*", "");
            try {
                return URLDecoder.decode(bare.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return bare;
            }
        }
    }

    private final BrowserSession browser;
    private final String targetId;
    private final Policy policy;
    /** The live execution contexts of the hooks' world. */
    private final Set<Integer> probeContexts = ConcurrentHashMap.newKeySet();
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();
    private final Visit idle = new Visit("(between pages)", false);
    private volatile Integer probeContext;
    private volatile Visit visit = idle;
    private String sessionId;
    private boolean cspBypassed;
    private long settleMillis = 300;

    BrowserTab(BrowserSession browser, String targetId, Policy policy) {
        this.browser = browser;
        this.targetId = targetId;
        this.policy = policy;
    }

    /** Enables what the hooks listen to, once the connection has a handle on the tab. */
    void attached(String sessionId) {
        this.sessionId = sessionId;
        call("Page.enable", params());
        call("Runtime.enable", params());
        call("Debugger.enable", params());
        call("Log.enable", params());
        call("Page.setLifecycleEventsEnabled", params().put("enabled", true));
        // A `debugger;` statement would stop the page: its script is already on record when it parses.
        call("Debugger.setSkipAllPauses", params().put("skip", true));
        call("Emulation.setFocusEmulationEnabled", params().put("enabled", true));
        call("Page.addScriptToEvaluateOnNewDocument", params().put("source", PROBE).put("worldName", PROBE_WORLD));
    }

    /** How long a page may go on after its load event (images failing, timers) before it is judged. */
    BrowserTab settle(long millis) {
        this.settleMillis = millis;
        return this;
    }

    /** Faults seen while no page was being judged. */
    List<Fault> strayFaults() {
        return List.copyOf(idle.faults);
    }

    /**
     * Loads {@code url}, lets it settle, runs {@code interaction} (may be null) and looks through
     * the DOM. What the page does after that (late timers, unload handlers) is recorded among the
     * {@link #strayFaults()}.
     */
    Visit visit(String url, boolean bypassCsp, Consumer<BrowserTab> interaction) {
        Visit current = new Visit(url, bypassCsp);
        current.expected.add(url);
        visit = current;
        try {
            if (bypassCsp != cspBypassed) {
                call("Page.setBypassCSP", params().put("enabled", bypassCsp));
                cspBypassed = bypassCsp;
            }
            probeContext = null;
            JsonNode navigated = call("Page.navigate", params().put("url", url));
            if (navigated.hasNonNull("errorText")) {
                current.fault("load", navigated.get("errorText").asText());
            } else if (!awaitLoad(current, navigated.path("loaderId").asText(), 20_000)) {
                current.fault("load", "no load event in 20 s");
            } else {
                String loaderId = navigated.path("loaderId").asText();
                sleep(settleMillis);
                try {
                    if (interaction != null) {
                        interaction.accept(this);
                    }
                    scan(current);
                } catch (IllegalStateException e) {
                    // Only a page that is going away fails its probe, and its navigation is on record too.
                    current.fault("load", "the page could not be read: " + e.getMessage());
                }
                if (current.navigatedAway) {
                    // What the page it went to does belongs to this visit: wait for it however slow the machine is.
                    awaitAnotherLoad(loaderId, 10_000);
                    sleep(settleMillis);
                }
            }
            sources(current);
        } finally {
            visit = idle;
            loaded.clear();
        }
        return current;
    }

    /** Evaluates {@code expression} in the hooks' isolated world of the current document and returns its value. */
    JsonNode evaluate(String expression) {
        Integer context = probeContext;
        if (context == null) {
            context = call("Page.createIsolatedWorld", params().put("frameId", targetId).put("worldName", PROBE_WORLD))
                    .path("executionContextId").asInt();
            probeContexts.add(context);
            probeContext = context;
        }
        JsonNode result = call("Runtime.evaluate", params().put("expression", expression).put("contextId", context)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("probe failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Lays pages out as a screen of {@code width} by {@code height} CSS pixels would; a phone's when {@code mobile}. */
    BrowserTab viewport(int width, int height, boolean mobile) {
        call("Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", height)
                .put("deviceScaleFactor", mobile ? 3 : 1).put("mobile", mobile));
        return this;
    }

    /** Presses {@code key} (a DOM key name such as {@code Escape}) in the focused element. */
    void press(String key) {
        for (String type : List.of("keyDown", "keyUp")) {
            call("Input.dispatchKeyEvent", params().put("type", type).put("key", key).put("code", key));
        }
    }

    /** Types {@code text} into the focused element as a keyboard would. */
    void type(String text) {
        call("Input.insertText", params().put("text", text));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String method, ObjectNode params) {
        return browser.call(sessionId, method, params);
    }

    /** Waits for the load event of {@code loaderId}, or until the page has navigated elsewhere. */
    private boolean awaitLoad(Visit current, String loaderId, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (loaded) {
            while (!loaded.contains(loaderId) && !current.navigatedAway) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    loaded.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Waits until a document other than the one {@code loaderId} loaded has loaded too. */
    private void awaitAnotherLoad(String loaderId, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (loaded) {
            while (loaded.stream().allMatch(loaderId::equals)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    loaded.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void scan(Visit current) {
        JsonNode report;
        try {
            report = BrowserSession.JSON.readTree(evaluate(SCAN.formatted(
                    BrowserSession.JSON.writeValueAsString(policy.ownControls()))).asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        current.published = report.path("published").asText();
        for (JsonNode finding : report.path("findings")) {
            current.fault("latent", finding.asText());
        }
        if (report.path("clicked").asInt() > 0) {
            sleep(settleMillis);
        }
        for (JsonNode script : report.path("scripts")) {
            String src = script.path("src").asText();
            if (script.path("inline").asBoolean() || src.isEmpty() || !policy.ownScript().test(src)) {
                current.fault("latent", "script element: " + script.path("html").asText());
            }
        }
        JsonNode blocked = evaluate("JSON.stringify(window.__gleanerProbe ? window.__gleanerProbe.csp"
                + " : ['the hooks did not run in this document'])");
        for (JsonNode violation : readArray(blocked.asText("[]"))) {
            current.fault("csp", violation.asText());
        }
    }

    private static List<JsonNode> readArray(String json) {
        try {
            List<JsonNode> out = new ArrayList<>();
            BrowserSession.JSON.readTree(json).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds to each script fault the start of the script's text, while the page still holds it. */
    private static void sources(Visit current) {
        List<CompletableFuture<String>> pending;
        synchronized (current.scriptSources) {
            pending = List.copyOf(current.scriptSources);
        }
        for (CompletableFuture<String> source : pending) {
            try {
                source.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the fault is on record without its text
            }
        }
    }

    /** Every event of this tab, on the connection's thread: records, and answers only asynchronously. */
    void onEvent(JsonNode message) {
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        Visit current = visit;
        switch (method) {
            case "Page.lifecycleEvent" -> {
                if (params.path("name").asText().equals("load") && params.path("frameId").asText().equals(targetId)) {
                    synchronized (loaded) {
                        loaded.add(params.path("loaderId").asText());
                        loaded.notifyAll();
                    }
                }
            }
            case "Runtime.executionContextCreated" -> {
                JsonNode context = params.path("context");
                if (context.path("name").asText().equals(PROBE_WORLD)) {
                    probeContexts.add(context.path("id").asInt());
                    if (context.path("auxData").path("frameId").asText().equals(targetId)) {
                        probeContext = context.path("id").asInt();
                    }
                }
            }
            // Context ids are reused from one document to the next: only live ones say whose a script is.
            case "Runtime.executionContextDestroyed" -> {
                int id = params.path("executionContextId").asInt();
                probeContexts.remove(id);
                if (Integer.valueOf(id).equals(probeContext)) {
                    probeContext = null;
                }
            }
            case "Runtime.executionContextsCleared" -> {
                probeContexts.clear();
                probeContext = null;
            }
            case "Page.javascriptDialogOpening" -> {
                current.fault("dialog", params.path("type").asText() + " \"" + params.path("message").asText() + "\"");
                browser.callAsync(sessionId, "Page.handleJavaScriptDialog",
                        params().put("accept", true).put("promptText", ""));
            }
            case "Page.frameNavigated" -> {
                JsonNode frame = params.path("frame");
                String url = frame.path("url").asText() + frame.path("urlFragment").asText("");
                if (frame.has("parentId")) {
                    current.fault("frame", "a frame navigated to " + url);
                } else if (!current.expects(url)) {
                    current.fault("navigation", "the page navigated to " + url);
                    synchronized (loaded) {
                        current.navigatedAway = true;
                        loaded.notifyAll();
                    }
                }
            }
            case "Page.frameRequestedNavigation" -> {
                String url = params.path("url").asText();
                if (!params.path("frameId").asText().equals(targetId) || !current.expects(url)) {
                    current.fault("navigation", params.path("reason").asText() + " asked for " + url);
                }
            }
            case "Page.frameAttached" -> current.fault("frame", "a frame was attached to the page");
            case "Page.windowOpen" -> current.fault("popup", "window opened on " + params.path("url").asText());
            case "Debugger.scriptParsed" -> scriptParsed(current, params);
            case "Debugger.paused" -> {
                current.fault("script", "the debugger paused: " + params.path("reason").asText());
                browser.callAsync(sessionId, "Debugger.resume", params());
            }
            case "Runtime.exceptionThrown" -> {
                JsonNode details = params.path("exceptionDetails");
                current.fault("exception", details.path("text").asText() + " "
                        + details.path("exception").path("description").asText("") + " at "
                        + details.path("url").asText("") + ":" + (details.path("lineNumber").asInt() + 1));
            }
            case "Runtime.consoleAPICalled" -> {
                if (!probeContexts.contains(params.path("executionContextId").asInt())) {
                    List<String> args = new ArrayList<>();
                    params.path("args").forEach(arg ->
                            args.add(arg.path("value").asText(arg.path("description").asText())));
                    current.fault("console", params.path("type").asText() + " " + args);
                }
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                String text = entry.path("text").asText();
                if (text.contains("Content Security Policy") || text.contains("Content-Security-Policy")) {
                    // The browser's own account of a violation the hooks also report: kept, as it names the directive.
                    current.fault("csp-console", text.length() > 160 ? text.substring(0, 160) + "…" : text);
                } else if (entry.path("source").asText().equals("security")) {
                    current.fault("security", text);
                }
            }
            default -> {
                // other events say nothing about what the page ran
            }
        }
    }

    private void scriptParsed(Visit current, JsonNode params) {
        if (probeContexts.contains(params.path("executionContextId").asInt())
                && !params.path("executionContextAuxData").path("isDefault").asBoolean(false)) {
            current.probeScripts++;
            return;
        }
        current.scripts++;
        String url = params.path("url").asText("");
        if (!url.isEmpty() && policy.ownScript().test(url)) {
            current.ownScripts++;
            return;
        }
        String where = url.isEmpty() ? "a script with no URL (handler, eval or javascript: URL)"
                : "a script from " + url + " line " + (params.path("startLine").asInt() + 1);
        Fault fault = new Fault("script", where);
        current.faults.add(fault);
        CompletableFuture<String> source = browser.callAsync(sessionId, "Debugger.getScriptSource",
                params().put("scriptId", params.path("scriptId").asText()))
                .thenApply(result -> result.path("scriptSource").asText())
                .whenComplete((text, error) -> {
                    if (text != null) {
                        String start = text.length() > 200 ? text.substring(0, 200) + "…" : text;
                        synchronized (current.faults) {
                            int at = current.faults.indexOf(fault);
                            if (at >= 0) {
                                current.faults.set(at,
                                        new Fault("script", where + ": " + start.replaceAll("\\s+", " ")));
                            }
                        }
                    }
                });
        current.scriptSources.add(source);
    }
}
