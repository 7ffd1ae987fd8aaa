package dev.gleaner.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The reader's browser sessions: a random id in a cookie the page's scripts cannot read, and the CSRF
 * token every form and state-changing call of that session must send back. Sessions live in memory, so a
 * restart of the server signs everyone out.
 */
final class Sessions {
    static final String COOKIE = "gleaner_session";
    /** A session unused this long ends. */
    static final Duration IDLE = Duration.ofDays(30);
    private static final int MOST_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One browser's session.
     *
     * @param csrf the token its forms carry
     * @param signedIn whether it has signed in; a session that has not only carries the sign-in form's token
     * @param undo the entries the last "mark all read" of this session marked, for its undo
     */
    record Session(String id, String csrf, boolean signedIn, Instant seen, List<Long> undo) {
        Session {
            undo = List.copyOf(undo);
        }

        Session withUndo(List<Long> ids) {
            return new Session(id, csrf, signedIn, seen, ids);
        }
    }

    private final InstantSource clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Sessions(InstantSource clock) {
        this.clock = clock;
    }

    /** The live session whose cookie the request carries, if it does. */
    Optional<Session> of(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null || session.seen().plus(IDLE).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(session.id(), session.csrf(), session.signedIn(), now, session.undo());
        sessions.put(id, seen);
        return Optional.of(seen);
    }

    /**
     * Starts a new session and sends its cookie, ending the one the request had: an id is never carried
     * across signing in, so one planted before cannot be used after.
     */
    Session start(Context ctx, boolean signedIn) {
        end(ctx);
        Instant now = clock.instant();
        if (sessions.size() >= MOST_SESSIONS) {
            sessions.values().removeIf(old -> old.seen().plus(IDLE).isBefore(now) || !old.signedIn());
        }
        Session session = new Session(randomToken(), randomToken(), signedIn, now, List.of());
        sessions.put(session.id(), session);
        ctx.header("Set-Cookie", cookie(ctx, session.id(), IDLE));
        return session;
    }

    void update(Session session) {
        sessions.computeIfPresent(session.id(), (id, old) -> session);
    }

    /** Ends the request's session, if it has one, and tells the browser to forget its cookie. */
    void end(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            sessions.remove(id);
            ctx.header("Set-Cookie", cookie(ctx, "", Duration.ZERO));
        }
    }

    /** Whether {@code given} is the session's CSRF token, compared in constant time. */
    static boolean csrfMatches(Session session, @Nullable String given) {
        return given != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The cookie, {@code Secure} when the request came over HTTPS, directly or through a proxy that says so. */
    private static String cookie(Context ctx, String value, Duration life) {
        boolean https = ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + life.toSeconds() + "; HttpOnly; SameSite=Lax"
                + (https ? "; Secure" : "");
    }

    /** 256 random bits, URL-safe: a session id, a CSRF token, an API key. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
