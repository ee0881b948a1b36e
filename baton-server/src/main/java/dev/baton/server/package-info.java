/**
 * {@code baton serve}: Baton as an OpenAI-compatible model over HTTP. The public types are the server
 * ({@link dev.baton.server.BatonServer}), its settings and limits, and the models it serves; the routes, handlers,
 * request parsing and response writing are package-private.
 */
package dev.baton.server;
