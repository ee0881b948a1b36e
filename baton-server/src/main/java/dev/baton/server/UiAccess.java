package dev.baton.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

/**
 * Before-handler of the trace viewer: with API keys configured, {@code /ui} needs one of them as the API does, and
 * a browser, which cannot add an {@code Authorization} header to a link, may bring it once as {@code /ui?key=KEY}:
 * the key then moves into an HTTP-only, same-site cookie scoped to {@code /ui} and the browser is sent back to the
 * address without it, so it stays out of the address bar and of later links. {@code Authorization: Bearer KEY}
 * works too. With no key configured the server listens on loopback only, and the viewer is open like the API.
 */
final class UiAccess implements Handler {

    static final String COOKIE = "baton_ui_key";
    private static final String BEARER = "bearer ";

    private final ApiKeyCheck keys;

    UiAccess(ApiKeyCheck keys) {
        this.keys = keys;
    }

    @Override
    public void handle(Context ctx) {
        if (keys.open()) {
            return;
        }
        String fromQuery = ctx.queryParam("key");
        if (fromQuery != null && keys.accepts(fromQuery)) {
            ctx.cookie(new Cookie(COOKIE, fromQuery.strip(), "/ui", -1, false, true, null, SameSite.STRICT));
            ctx.redirect(ctx.path(), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        String header = ctx.header("Authorization");
        boolean bearer = header != null && header.length() > BEARER.length()
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length()) && keys.accepts(header.substring(BEARER.length()));
        String cookie = ctx.cookie(COOKIE);
        if (bearer || (cookie != null && keys.accepts(cookie))) {
            return;
        }
        ctx.status(HttpStatus.UNAUTHORIZED).html(TracePages.page("API key needed",
                "<h1>API key needed</h1><p class=\"empty\">This server asks for an API key. Open <code>/ui?key=YOUR_KEY</code> "
                        + "once (the key is then kept in a cookie for this page only), or send "
                        + "<code>Authorization: Bearer YOUR_KEY</code>.</p>", false));
        ctx.skipRemainingHandlers();
    }
}
