/**
 * Turns questions into fixed-size vectors for the learned conductor: a frozen sentence encoder
 * ({@link dev.baton.learn.encode.MiniLmEncoder}) and a cache in front of it
 * ({@link dev.baton.learn.encode.CachedEncoder}) so each question is encoded once per store.
 */
package dev.baton.learn.encode;
