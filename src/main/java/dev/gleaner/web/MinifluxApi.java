package dev.gleaner.web;

import dev.gleaner.store.Account;
import dev.gleaner.store.AccountStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REST API of Miniflux ({@code /v1/…}), so that its clients work unchanged: HTTP Basic with the
 * account of {@code gleaner passwd}, errors as {@code {"error_message": …}}. So far: {@code /v1/me}.
 */
final class MinifluxApi {
    /** Miniflux's one user, and what its clients ask of it. */
    static final long USER_ID = 1;

    private final AccountStore accounts;
    private final BasicAuth auth;

    MinifluxApi(AccountStore accounts, BasicAuth auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    void routes(RoutesConfig routes) {
        routes.before("/v1/*", this::signIn);
        routes.before("/v1", this::signIn);
        routes.get("/v1/me", this::me);
    }

    private void signIn(Context ctx) {
        switch (auth.check(ctx.header("Authorization"), ctx.ip())) {
            case SIGNED_IN -> {
            }
            case REFUSED -> {
                ctx.header("WWW-Authenticate", "Basic realm=\"Gleaner\", charset=\"UTF-8\"");
                error(ctx, 401, "Access Unauthorized");
                ctx.skipRemainingHandlers();
            }
            case HELD_BACK -> {
                ctx.header("Retry-After", String.valueOf(LoginLimiter.WINDOW.toSeconds()));
                error(ctx, 429, "Too many failed sign-ins from this address; try again later");
                ctx.skipRemainingHandlers();
            }
        }
    }

    private void me(Context ctx) {
        Account account = accounts.account().orElseThrow();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", USER_ID);
        user.put("username", account.username());
        user.put("is_admin", true);
        user.put("theme", "system_serif");
        user.put("language", "zh_CN");
        user.put("timezone", "UTC");
        user.put("entry_sorting_direction", "desc");
        user.put("entry_sorting_order", "published_at");
        user.put("entries_per_page", 100);
        user.put("keyboard_shortcuts", true);
        user.put("show_reading_time", true);
        user.put("entry_swipe", true);
        user.put("stylesheet", "");
        user.put("google_id", "");
        user.put("openid_connect_id", "");
        user.put("last_login_at", null);
        JsonAnswer.send(ctx, 200, user);
    }

    static void error(Context ctx, int status, String message) {
        JsonAnswer.send(ctx, status, Map.of("error_message", message));
    }
}
