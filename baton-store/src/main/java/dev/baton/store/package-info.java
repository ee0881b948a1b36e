/**
 * The store: traces, cached replies and embeddings, in an embedded SQLite file ({@link dev.baton.store.Store}) or a
 * PostgreSQL database shared by server replicas, both opened by {@link dev.baton.store.StoreBackend#open}.
 */
package dev.baton.store;
