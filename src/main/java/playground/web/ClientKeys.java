package playground.web;

import io.javalin.http.Context;

/**
 * Who a request comes from, for per-client limits. Behind a reverse proxy
 * every student shares the proxy's address, so the operator can tell the
 * server to trust the proxy's X-Forwarded-For ({@code PLAYGROUND_TRUST_PROXY=1}).
 */
public record ClientKeys(boolean trustProxy) {

    public String of(Context ctx) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return ctx.ip();
    }
}
